package servicetrade

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// externalSystemModel is the resource's state. It has no `updated`: see
// the schema for why.
type externalSystemModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	Type          types.String `tfsdk:"type"`
	Label         types.String `tfsdk:"label"`
	SyncableTypes types.Set    `tfsdk:"syncable_types"`
	Created       types.Int64  `tfsdk:"created"`
}

// externalSystemDataModel is what the data sources report: the resource's
// attributes, and `updated`.
type externalSystemDataModel struct {
	externalSystemModel
	Updated types.Int64 `tfsdk:"updated"`
}

// syncableSet is the API's syncableTypes as a set (never null: the API
// always returns an array, [] for none).
func syncableSet(list []string) (types.Set, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(list))
	seen := map[string]bool{}
	for _, t := range list {
		if !seen[t] {
			seen[t] = true
			elems = append(elems, types.StringValue(t))
		}
	}
	return types.SetValue(types.StringType, elems)
}

func (m *externalSystemModel) fromAPI(es *api.ExternalSystem) diag.Diagnostics {
	m.ID = types.StringValue(formatID(es.ID))
	m.Name = types.StringValue(es.Name)
	m.Type = types.StringValue(es.Type)
	m.Label = types.StringValue(es.Label)
	m.Created = types.Int64Value(es.Created)
	var diags diag.Diagnostics
	m.SyncableTypes, diags = syncableSet(es.SyncableTypes)
	return diags
}

func (m *externalSystemDataModel) fromAPI(es *api.ExternalSystem) diag.Diagnostics {
	m.Updated = types.Int64Value(es.Updated)
	return m.externalSystemModel.fromAPI(es)
}

// syncableInput is the syncableTypes to send: the planned set for standard
// systems (an empty set sends [] and clears it), nothing for the other
// types, whose value ServiceTrade computes and refuses to take.
func (m externalSystemModel) syncableInput(ctx context.Context) (*[]string, diag.Diagnostics) {
	if m.Type.ValueString() != api.ExternalSystemTypeStandard || m.SyncableTypes.IsNull() || m.SyncableTypes.IsUnknown() {
		return nil, nil
	}
	list := []string{}
	diags := m.SyncableTypes.ElementsAs(ctx, &list, false)
	slices.Sort(list)
	return &list, diags
}

// toInput builds the POST body from a plan.
func (m externalSystemModel) toInput(ctx context.Context) (api.ExternalSystemInput, diag.Diagnostics) {
	syncable, diags := m.syncableInput(ctx)
	return api.ExternalSystemInput{
		Name:          m.Name.ValueString(),
		Type:          m.Type.ValueString(),
		Label:         m.Label.ValueString(),
		SyncableTypes: syncable,
	}, diags
}

// toUpdate builds the PUT body: name and type force replacement, so only
// label and (for standard systems) syncableTypes are sent.
func (m externalSystemModel) toUpdate(ctx context.Context) (api.ExternalSystemUpdate, diag.Diagnostics) {
	syncable, diags := m.syncableInput(ctx)
	label := m.Label.ValueString()
	return api.ExternalSystemUpdate{Label: &label, SyncableTypes: syncable}, diags
}
