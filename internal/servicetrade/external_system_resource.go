package servicetrade

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

var _ resource.ResourceWithValidateConfig = (*externalSystemResource)(nil)

// NewExternalSystemResource is the fieldservice_servicetrade_external_system
// resource.
func NewExternalSystemResource() resource.Resource {
	return &externalSystemResource{crudResource[externalSystemModel, api.ExternalSystem]{
		Base: numbered("external_system").Base(),
		// Read: 404 is not documented for this resource; it can only mean
		// the system is gone (removed by ServiceTrade support).
		Get: (*api.Client).GetExternalSystem, SetDiags: (*externalSystemModel).fromAPI,
		// The API answers DELETE with 405: Delete makes no request and
		// leaves the system in ServiceTrade (and its name taken in the
		// natural-key index); the framework removes it from state and
		// Terraform shows the warning.
		Notice: externalSystemNotDeleted,
		Change: kit.UpdatesChecked((*externalSystemModel).toUpdate, (*api.Client).UpdateExternalSystem),
	}}
}

// externalSystemResource cannot be deleted, and imports by id or by name:
// it has its own ModifyPlan and ImportState.
type externalSystemResource struct {
	crudResource[externalSystemModel, api.ExternalSystem]
}

// externalSystemNotDeleted is the warning of every destroy.
func externalSystemNotDeleted(m externalSystemModel) undeletable.Notice {
	return undeletable.Notice{Summary: fmt.Sprintf("ServiceTrade external system %q (id %s) still exists in ServiceTrade", m.Name.ValueString(), m.ID.ValueString()),
		Detail: "The ServiceTrade API cannot delete external systems (DELETE answers 405 \"DELETE action not yet implemented\"), " +
			"so Terraform only stopped managing it: it was removed from the state, and it still exists in ServiceTrade with its name, " +
			"label and external ids. To manage it again, import it (by id or by name). To remove it for good, ask ServiceTrade support."}
}

func (r *externalSystemResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade external system: an accounting or other system whose ids ServiceTrade records " +
			"(external ids) and syncs with. Writing it needs an account admin. ServiceTrade cannot delete external systems: " +
			"destroying the resource only removes it from the Terraform state, with a warning, and the system stays in ServiceTrade. " +
			"Import with the numeric id or with the exact name. " +
			"Creating a system fails when one with the same name already exists, with the way to import it. " +
			"If the answer to the create request is lost, Terraform looks for the system: when none exists it sends the request again; " +
			"it adopts the external system of that name (names are unique) when it matches the configuration, with a warning, and otherwise fails with an error naming it, to import.",
		Attributes: map[string]schema.Attribute{
			"id": kit.IDAttribute("Numeric ServiceTrade id of the external system."),
			"name": kit.CreateOnly(kit.RequiredString("Key of the external system, used as the system name of its external ids (`/externalid/{entity}/{id}/{name}`); "+
				"unique in the account. Changing it forces replacement, which registers a new system and leaves the old one "+
				"(and every external id recorded under it) in ServiceTrade.", stringvalidator.LengthAtLeast(1))),
			"type": kit.CreateOnly(kit.DefaultString(api.ExternalSystemTypeStandard, "Kind of system: one of `"+strings.Join(api.ExternalSystemTypes, "`, `")+"`. Defaults to `standard`. "+
				"ServiceTrade cannot change it on an existing system, so changing it forces replacement (and leaves the old system in ServiceTrade).",
				stringvalidator.OneOf(api.ExternalSystemTypes...))),
			"label": kit.RequiredString("Display name of the external system. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			// For non-standard systems: the server's value is kept between
			// plans. For standard ones ModifyPlan plans the config, or [].
			"syncable_types": kit.KeptStringSet("Kinds of entities that can sync to the system, as a set of `invoice` and `job`. "+
				"Only for `standard` systems, where omitting it means none (`[]`); updatable in place. "+
				"For the other types ServiceTrade computes it from the type and the system's configuration: "+
				"setting it is a plan-time error, and the computed value is reported without ever causing a change.", api.SyncableTypes...),
			"created": kit.ComputedInt64("When the system was registered with ServiceTrade, as a Unix timestamp (seconds)."),
			// There is deliberately no `updated`. ServiceTrade moves it on
			// every PUT, so it cannot be planned from state
			// (UseStateForUnknown would promise the old value and the update
			// would then fail as an inconsistent result), and without that
			// every label change would also show it "(known after apply)",
			// and every out-of-band touch would rewrite it in state. Nothing
			// in a configuration can use it; the data sources report it.
		},
	}
}

// ValidateConfig refuses syncable_types on a system that is not standard,
// at plan time.
func (r *externalSystemResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var typ types.String
	var syncable types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("type"), &typ)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("syncable_types"), &syncable)...)
	if resp.Diagnostics.HasError() || typ.IsUnknown() || typ.IsNull() || syncable.IsNull() {
		return
	}
	if t := typ.ValueString(); t != api.ExternalSystemTypeStandard {
		resp.Diagnostics.AddAttributeError(path.Root("syncable_types"), "syncable_types is only for standard external systems",
			fmt.Sprintf("syncable_types can only be set when type is %q; ServiceTrade computes it for type %q. Remove syncable_types from the configuration.",
				api.ExternalSystemTypeStandard, t))
	}
}

// ModifyPlan plans syncable_types as [] when a standard system's
// configuration omits it (so that removing it from the configuration clears
// it), and warns, when the system is destroyed, that it will stay in
// ServiceTrade.
func (r *externalSystemResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.crudResource.ModifyPlan(ctx, req, resp)
	if resp.Diagnostics.HasError() || req.Plan.Raw.IsNull() {
		return
	}
	var configured types.Set
	var typ types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("syncable_types"), &configured)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("type"), &typ)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		// A new type forces replacement, but the old system cannot be
		// deleted and keeps its name, the key of its external ids: the
		// replacement would register a second system under the same name
		// (which ServiceTrade refuses, or which would make external ids
		// ambiguous). Refuse at plan time, before the old system leaves the
		// state.
		var state externalSystemModel
		var name types.String
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
		if !typ.IsUnknown() && !name.IsUnknown() && typ.ValueString() != state.Type.ValueString() && name.ValueString() == state.Name.ValueString() {
			resp.Diagnostics.AddAttributeError(path.Root("type"),
				fmt.Sprintf("Changing the type of ServiceTrade external system %q needs a new name", name.ValueString()),
				fmt.Sprintf("ServiceTrade cannot change the type of an existing external system (%q to %q), so Terraform would have to register a new one; "+
					"but it cannot delete the old one either, and the old one keeps the name %q. Give the new system a new name as well, "+
					"or keep type = %q (an imported system keeps its type only if the configuration states it).",
					state.Type.ValueString(), typ.ValueString(), name.ValueString(), state.Type.ValueString()))
			return
		}
	}
	if configured.IsNull() && typ.ValueString() == api.ExternalSystemTypeStandard && !typ.IsUnknown() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("syncable_types"), types.SetValueMust(types.StringType, nil))...)
	}
}

func (r *externalSystemResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan externalSystemModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.ExternalSystem, bool) {
		in, d := plan.toInput(ctx)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		// Names are unique in ServiceTrade, and the key of the system's
		// external ids: the name is the natural key checked before the
		// create (which turns ServiceTrade's refusal into the way to import
		// the system), and after a lost answer the system of that name is
		// adopted when it is the one configured. Destroying a system leaves
		// it in ServiceTrade, so its name stays taken (Delete does not free
		// it in the index).
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade external system %q failed", in.Name),
			func(ctx context.Context) (*api.ExternalSystem, error) { return client.CreateExternalSystem(ctx, in) },
			lostcreate.Lookup[api.ExternalSystem]{
				Match:  fmt.Sprintf("named %q", in.Name),
				Unique: true,
				Remove: "give the configured system another name (ServiceTrade cannot delete external systems)",
				Find: func(ctx context.Context) ([]api.ExternalSystem, error) {
					list, err := client.ListExternalSystems(ctx)
					return lostcreate.Keep(list, err, func(es api.ExternalSystem) bool { return es.Name == in.Name })
				},
				ImportID: func(es api.ExternalSystem) string { return formatID(es.ID) },
				Differs: func(es api.ExternalSystem) []string {
					m := plan
					d := m.fromAPI(&es)
					names, more := lostcreate.PlanDiffs(ctx, req.Plan, &m)
					diags.Append(append(d, more...)...)
					return names
				},
				Key: &lostcreate.Key{
					Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Attribute: "name",
					List:    kit.Entries(client.ListExternalSystems, func(es api.ExternalSystem) (string, string) { return formatID(es.ID), es.Name }),
					Why:     "ServiceTrade keeps external system names unique: they are the key of the external ids recorded under the system.",
					Instead: "give this resource another name (ServiceTrade cannot delete external systems)",
				},
			})
	})
}

// ImportState takes the numeric id or, failing that, the exact name.
func (r *externalSystemResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, err := parseID("external system", req.ID); err == nil || req.ID == "" {
		r.Base.ImportState(ctx, req, resp) // the id, or an import block's identity
		return
	}
	client, ok := r.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	list, err := client.ListExternalSystems(ctx)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Importing ServiceTrade external system %q failed", req.ID), err.Error())
		return
	}
	match, err := exactlyOne("external system", "name", req.ID, list, func(e api.ExternalSystem) string { return e.Name }, func(e api.ExternalSystem) int64 { return e.ID })
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for "+r.Type.TypeName(),
			err.Error()+". The import id is the numeric id or the exact name of the external system.")
		return
	}
	r.Import(ctx, formatID(match.ID), resp)
}
