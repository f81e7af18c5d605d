package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// externalIDKey is an external id's key: entity type, entity id, system
// name.
type externalIDKey = kit.Triple[string, int64, string]

// externalIDModel is the state of an external id, shared by the resource
// and the data source.
type externalIDModel struct {
	ID         types.String `tfsdk:"id"`
	EntityType types.String `tfsdk:"entity_type"`
	EntityID   types.Int64  `tfsdk:"entity_id"`
	SystemName types.String `tfsdk:"system_name"`
	Value      types.String `tfsdk:"value"`
}

func (m *externalIDModel) fromAPI(e *api.ExternalID) {
	m.ID = types.StringValue(kit.FormatTriple(externalIDKeyOf(e)))
	m.EntityType = types.StringValue(e.EntityType)
	m.EntityID = types.Int64Value(e.EntityID)
	m.SystemName = types.StringValue(e.SystemName)
	m.Value = types.StringValue(e.Value)
}

// key is the planned or configured external id's key.
func (m *externalIDModel) key() externalIDKey {
	return externalIDKey{First: m.EntityType.ValueString(), Second: m.EntityID.ValueInt64(), Third: m.SystemName.ValueString()}
}

func externalIDKeyOf(e *api.ExternalID) externalIDKey {
	return externalIDKey{First: e.EntityType, Second: e.EntityID, Third: e.SystemName}
}
