package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var termsKind = objectKind[api.Terms]{name: "terms", id: func(t api.Terms) int64 { return t.ID }, get: (*api.Client).GetTerms}

// NewTermsDataSource is the fieldservice_servicetrade_terms data source.
func NewTermsDataSource() datasource.DataSource {
	d := lookupSource[termsModel, api.Terms]("terms", "terms",
		"Looks up one set of ServiceTrade terms (the terms and conditions that contracts, quotes, quote templates and invoices print) by `id` or by exact `name`. "+
			"The API cannot filter terms, so a name lookup reads them all. Fails when no terms, or more than one, have that name: names are not unique, so use `id` for duplicates.",
		[]sourceKey[api.Terms]{{attr: "name", description: "Exact, case-sensitive title of the terms.", of: func(t api.Terms) string { return t.Name }}},
		map[string]schema.Attribute{
			"uri":     kit.ReadOnlyString("Absolute API URI of the terms."),
			"content": kit.ReadOnlyString("Text of the terms."),
		})
	// The API cannot filter terms: they are all listed.
	d.Spec = amongAll[termsModel](termsKind, (*api.Client).ListTerms)
	d.Set = (*termsModel).fromAPI
	return d
}
