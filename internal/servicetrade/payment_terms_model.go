package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// paymentTermsModel is a payment terms entry, shared by the single-object
// data source and the elements of the plural one.
type paymentTermsModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	URI        types.String `tfsdk:"uri"`
	OrderIndex types.Int64  `tfsdk:"order_index"`
}

// fromAPI fills the model from the API object.
func (m *paymentTermsModel) fromAPI(pt *api.PaymentTerms) {
	*m = paymentTermsModel{
		ID:         types.StringValue(formatID(pt.ID)),
		Name:       types.StringValue(pt.Name),
		URI:        types.StringValue(pt.URI),
		OrderIndex: types.Int64Value(int64(pt.OrderIndex)),
	}
}
