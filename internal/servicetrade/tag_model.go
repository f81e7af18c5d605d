package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// tagModel is the state of a tag, shared by the resource and the data
// sources.
type tagModel struct {
	ID   types.String `tfsdk:"id"`
	URI  types.String `tfsdk:"uri"`
	Name types.String `tfsdk:"name"`
}

func (m *tagModel) fromAPI(t *api.Tag) {
	m.ID = types.StringValue(formatID(t.ID))
	m.URI = types.StringValue(t.URI)
	m.Name = types.StringValue(t.Name)
}
