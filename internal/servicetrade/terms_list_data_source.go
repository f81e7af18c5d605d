package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTermsListDataSource is the fieldservice_servicetrade_terms_list data
// source: "terms" is already the singular look-up (a set of terms), and
// "terms_list" says what this one is without inventing a plural.
func NewTermsListDataSource() datasource.DataSource {
	return &kit.List[*api.Client, termsListModel, api.Terms, termsModel]{
		DataBase: vendor.DataSource("terms_list"),
		Description: "Lists every set of ServiceTrade terms and conditions of the account, including those Terraform does not manage: " +
			"use it with `for_each` in `import` blocks to adopt an existing account's terms. " +
			"It is named `terms_list` because `fieldservice_servicetrade_terms` is already the data source that looks up one set of terms by id or name. " +
			"The API's index of terms takes no filter, so the list always holds every set; filter it in a `for` expression.",
		Items: "The sets of terms, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":      kit.ReadOnlyString("Numeric id of the terms (the import id of `fieldservice_servicetrade_terms`)."),
			"uri":     kit.ReadOnlyString("Absolute API URI of the terms."),
			"name":    kit.ReadOnlyString("Title of the terms. Not unique."),
			"content": kit.ReadOnlyString("Text of the terms."),
		},
		All: (*api.Client).ListTerms,
		Of:  func(m *termsListModel) *[]termsModel { return &m.TermsList },
		Set: (*termsModel).fromAPI,
	}
}

type termsListModel struct {
	TermsList []termsModel `tfsdk:"terms_list"`
}
