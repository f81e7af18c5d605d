package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewPaymentTermsListDataSource is the
// fieldservice_servicetrade_payment_terms_list data source:
// "payment_terms" is already the singular look-up, and "payment_terms_list"
// says what this one is without inventing a plural (as "terms_list" does).
func NewPaymentTermsListDataSource() datasource.DataSource {
	return &kit.List[*api.Client, paymentTermsListModel, api.PaymentTerms, paymentTermsModel]{
		DataBase: vendor.DataSource("payment_terms_list"),
		Description: "Lists every ServiceTrade payment terms entry of the account (such as `Net 30`, referenced by a contract's payment terms). " +
			"It is named `payment_terms_list` because `fieldservice_servicetrade_payment_terms` is already the data source that looks up one entry by id or name. " +
			"Payment terms are read-only in the API, and its index takes no filter, so the list always holds every entry; filter it in a `for` expression.",
		Items: "The payment terms, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":          kit.ReadOnlyString("Numeric id of the payment terms (a contract's `payment_terms_id`)."),
			"name":        kit.ReadOnlyString("Name of the payment terms, such as `Net 30`. Not unique."),
			"uri":         kit.ReadOnlyString("Absolute API URI of the payment terms."),
			"order_index": kit.ReadOnlyInt64("Position of the payment terms in ServiceTrade's pick lists."),
		},
		All: (*api.Client).ListPaymentTerms,
		Of:  func(m *paymentTermsListModel) *[]paymentTermsModel { return &m.PaymentTermsList },
		Set: (*paymentTermsModel).fromAPI,
	}
}

type paymentTermsListModel struct {
	PaymentTermsList []paymentTermsModel `tfsdk:"payment_terms_list"`
}
