package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var paymentTermsKind = objectKind[api.PaymentTerms]{name: "payment terms", id: func(p api.PaymentTerms) int64 { return p.ID }, get: (*api.Client).GetPaymentTerms}

// NewPaymentTermsDataSource is the fieldservice_servicetrade_payment_terms
// data source.
func NewPaymentTermsDataSource() datasource.DataSource {
	d := lookupSource[paymentTermsModel, api.PaymentTerms]("payment_terms", "payment terms",
		"Looks up one ServiceTrade payment terms entry (such as `Net 30`, referenced by a contract's payment terms) by `id` or by exact `name`. "+
			"Payment terms are read-only in the API. Fails when no entry, or more than one, has that name; use `id` for duplicates.",
		[]sourceKey[api.PaymentTerms]{{attr: "name", description: "Exact, case-sensitive name of the payment terms, such as `Net 30`.", of: func(p api.PaymentTerms) string { return p.Name }}},
		map[string]schema.Attribute{
			"uri":         kit.ReadOnlyString("Absolute API URI of the payment terms."),
			"order_index": kit.ReadOnlyInt64("Position of the payment terms in ServiceTrade's pick lists."),
		})
	d.Spec = amongAll[paymentTermsModel](paymentTermsKind, (*api.Client).ListPaymentTerms)
	d.Set = (*paymentTermsModel).fromAPI
	return d
}
