package servicetrade

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// NewServiceTemplateResource is the fieldservice_servicetrade_service_template
// resource.
func NewServiceTemplateResource() resource.Resource {
	return &serviceTemplateResource{crudResource[serviceTemplateResourceModel, api.ServiceTemplate]{
		Base: numbered("service_template", kit.AllowDuplicateDefault).Base(),
		Get:  (*api.Client).GetServiceTemplate, SetDiags: (*serviceTemplateResourceModel).refresh,
		NaturalKey: func(o *api.ServiceTemplate) string { return o.Name },
		// A change of allow_duplicate alone concerns only the provider:
		// the kit saves it without calling ServiceTrade.
		Change: updateServiceTemplate,
	}}
}

// updateServiceTemplate sends the template as planned, with what the
// input needs of the state.
func updateServiceTemplate(ctx context.Context, c *api.Client, id int64, plan, state *serviceTemplateResourceModel) (*api.ServiceTemplate, error) {
	in, diags := plan.toInput(ctx, &state.serviceTemplateModel)
	if err := kit.DiagsError(diags); err != nil {
		return nil, err
	}
	return c.UpdateServiceTemplate(ctx, id, in)
}

var _ resource.ResourceWithModifyPlan = (*serviceTemplateResource)(nil)

// serviceTemplateResource has its own Delete: it explains the 409 of a
// template in use, and tells a template already gone from a refusal.
type serviceTemplateResource struct {
	crudResource[serviceTemplateResourceModel, api.ServiceTemplate]
}

// settableFrequencies are the frequencies ServiceTrade takes; it also
// returns quarterly and semiannually for templates made in its application.
var settableFrequencies = []string{"daily", "weekly", "monthly", "yearly"}

func (r *serviceTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade service template: a named, reusable description of a recurring service (what is done, on which service line, " +
			"how often, for about how long and how much, by which preferred technicians or vendor), from which service requests and recurrences are made. " +
			"Deleting the resource deletes the template; ServiceTrade refuses (409) while service requests, recurrences or items made from it still refer to it, " +
			"and the error says what to do. Import with the numeric template id. " +
			"Creating a template fails when one with the same name already exists (two templates of one name cannot be told apart in ServiceTrade's lists), " +
			"with the way to import it, unless `allow_duplicate` is true (needed to replace a template with `create_before_destroy` and keep its name). " +
			"If the answer to the create request is lost, Terraform looks for the template: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing templates of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":   kit.IDAttribute("Numeric ServiceTrade id of the service template."),
			"uri":  kit.ComputedString("Absolute API URI of the service template, as returned by ServiceTrade."),
			"name": kit.RequiredString("Name of the template, used in ServiceTrade's lists. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"description": kit.RequiredString("Description of the service the template stands for. Required by ServiceTrade. Updatable in place.",
				stringvalidator.LengthAtLeast(1)),
			"service_line_id": schema.Int64Attribute{
				Required: true,
				Description: "Id of the service line the service is part of. Look service lines up with the `fieldservice_servicetrade_service_line` data source. " +
					"Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"estimated_price": schema.Float64Attribute{
				Optional: true,
				Description: "Estimated price of one instance of the service, zero or more. Omit for none (null in ServiceTrade); " +
					"removing it clears it. Updatable in place.",
				Validators: []validator.Float64{float64validator.AtLeast(0)},
			},
			"duration": schema.Int64Attribute{
				Optional: true,
				Description: "How long the service is expected to take, in seconds (3600 for an hour), zero or more. Omit for none (null in ServiceTrade); " +
					"removing it clears it. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"preferred_tech_ids": kit.IDSet("Ids of the technicians (users) preferred for this work, compared as a set. " +
				"Look users up with the `fieldservice_servicetrade_user` data source. Omit for none; removing it clears them. Updatable in place."),
			"preferred_vendor_id": kit.OptionalID("Id of the vendor company preferred for this work. Look companies up with the `fieldservice_servicetrade_company` data source. " +
				"Omit for none; removing it clears it. Updatable in place."),
			"frequency": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Description: "Unit of the recurrence: one of `daily`, `weekly`, `monthly`, `yearly` (\"every `interval` `frequency`s\"). " +
					"Omit to take ServiceTrade's default at creation; once set, removing it from the configuration keeps the current value. " +
					"Templates made in ServiceTrade's application may also read `quarterly` or `semiannually`, which the API returns but does not take: " +
					"such a value is kept as long as the configuration leaves `frequency` out (set `monthly` with an `interval` of 3 or 6 instead to change it). " +
					"Updatable in place.",
				Validators:    []validator.String{settableFrequency{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"interval": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				Description: "Interval of the recurrence, at least 1: the service happens every `interval` `frequency`s (`monthly` with 3 is every three months). " +
					"Omit to take ServiceTrade's default at creation; once set, removing it from the configuration keeps the current value. Updatable in place.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"repeat_weekday": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "Whether a monthly recurrence is tied to a weekday of a given week (the 1st Tuesday, the 3rd Friday) rather than to a day of the month. " +
					"Only applies when `frequency` is `monthly`, so `true` needs `frequency = \"monthly\"` in the configuration (refused at plan time otherwise). " +
					"Defaults to `false`, ServiceTrade's default. ServiceTrade can hold `true` on a template of another frequency, where it has no effect " +
					"(its own example shows a yearly one): an imported template like that reads back as it is, and keeps the value while the configuration " +
					"leaves `repeat_weekday` out, or states it together with the template's current `frequency` (as configuration generated at import does); " +
					"only setting `true` on such a template, or changing its frequency to another than `monthly` while `true`, is refused. Updatable in place.",
				PlanModifiers: []planmodifier.Bool{weekdayKeptOffMonthly{}},
			},
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "template", Kind: "service template", Attr: "name",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "two templates of one name, which cannot be told apart in ServiceTrade's template lists"}),
		},
	}
}

// ModifyPlan refuses a plan that would send repeat_weekday = true with a
// frequency other than "monthly": ServiceTrade documents it for monthly
// recurrences only. The check is made at plan time against the state, not
// on the configuration alone, because ServiceTrade can hold true on a
// template of another frequency (the reference's own example is a yearly
// one): the configuration Terraform generates for such an imported
// template states both values, and it must plan cleanly, as long as
// neither repeat_weekday nor frequency changes from what ServiceTrade has
// (toInput then sends neither).
func (r *serviceTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.crudResource.ModifyPlan(ctx, req, resp)
	if req.Plan.Raw.IsNull() {
		return
	}
	var weekday types.Bool
	var frequency types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("repeat_weekday"), &weekday)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("frequency"), &frequency)...)
	if resp.Diagnostics.HasError() || !weekday.ValueBool() || frequency.IsUnknown() || frequency.ValueString() == "monthly" {
		return
	}
	if !req.State.Raw.IsNull() {
		// What ServiceTrade has: true, on a template whose frequency the
		// configuration keeps (states it as it is, or leaves it out), is
		// not sent again.
		var state serviceTemplateResourceModel
		if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
			return
		}
		if state.RepeatWeekday.ValueBool() && (frequency.IsNull() || frequency.Equal(state.Frequency)) {
			return
		}
	}
	got := "left out"
	if !frequency.IsNull() {
		got = fmt.Sprintf("%q", frequency.ValueString())
	}
	resp.Diagnostics.AddAttributeError(path.Root("repeat_weekday"), "repeat_weekday needs a monthly frequency",
		fmt.Sprintf("repeat_weekday = true ties a monthly recurrence to a weekday (the 3rd Friday); ServiceTrade applies it only when frequency is \"monthly\", and frequency is %s. "+
			"Set frequency = \"monthly\", or remove repeat_weekday.", got))
}

func (r *serviceTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serviceTemplateResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.ServiceTemplate, bool) {
		in, d := plan.toInput(ctx, nil)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		// Names are not unique in ServiceTrade, so a create whose answer was
		// lost is never adopted. But the name is how people pick a template:
		// it is the natural key checked before the create, unless
		// allow_duplicate says a duplicate is meant.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade service template %q failed", in.Name),
			func(ctx context.Context) (*api.ServiceTemplate, error) { return client.CreateServiceTemplate(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.ServiceTemplate]{
				Attribute: "name", Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Match: fmt.Sprintf("named %q", in.Name),
				Why: "Two service templates of one name cannot be told apart in ServiceTrade's template lists.",
				List: func(ctx context.Context) ([]api.ServiceTemplate, error) {
					return client.ListServiceTemplates(ctx, api.ServiceTemplateFilter{})
				},
				// After a lost answer, only the templates of that name.
				Find: func(ctx context.Context) ([]api.ServiceTemplate, error) {
					return client.ListServiceTemplates(ctx, api.ServiceTemplateFilter{Name: in.Name})
				},
				Key: func(t api.ServiceTemplate) string { return t.Name }, ID: func(t api.ServiceTemplate) string { return formatID(t.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}

func (r *serviceTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, client *api.Client, id int64) error {
		err := client.DeleteServiceTemplate(ctx, id)
		switch {
		case api.IsConflict(err):
			return fmt.Errorf("ServiceTrade refuses to delete the service template while service requests, service recurrences or service items "+
				"made from it still refer to it. Remove or move those in ServiceTrade first (they are not managed by this resource), then destroy again; "+
				"or, to keep the template, stop managing it without deleting it: a `removed` block with `lifecycle { destroy = false }`, "+
				"or `terraform state rm` on the resource.\n\nServiceTrade said: %w", err)
		case transport.HasStatus(err, http.StatusForbidden):
			// DELETE documents no 404: a template already gone may answer
			// 403 "not editable by user". Only a read tells the two apart.
			if _, getErr := client.GetServiceTemplate(ctx, id); api.IsNotFound(getErr) {
				return nil
			}
			return fmt.Errorf("ServiceTrade refuses to let these credentials delete the service template (403). "+
				"Use a ServiceTrade user allowed to manage service templates, or stop managing the template without deleting it "+
				"(a `removed` block with `lifecycle { destroy = false }`).\n\nServiceTrade said: %w", err)
		}
		return err
	})
}

// settableFrequency is the frequency validator: one of the settable
// frequencies, with the way out for the two ServiceTrade returns but does
// not take.
type settableFrequency struct{}

func (settableFrequency) Description(context.Context) string {
	return "value must be one of: " + strings.Join(settableFrequencies, ", ")
}

func (v settableFrequency) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (settableFrequency) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if slices.Contains(settableFrequencies, got) {
		return
	}
	detail := fmt.Sprintf("Attribute %s value must be one of: %q, got: %q.", req.Path, settableFrequencies, got)
	switch got {
	case "quarterly":
		detail += ` ServiceTrade returns "quarterly" for templates made in its application but does not take it: set frequency = "monthly" and interval = 3, or leave frequency out to keep the template's current value.`
	case "semiannually":
		detail += ` ServiceTrade returns "semiannually" for templates made in its application but does not take it: set frequency = "monthly" and interval = 6, or leave frequency out to keep the template's current value.`
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid frequency", detail)
}

// weekdayKeptOffMonthly keeps repeat_weekday as ServiceTrade has it when
// the configuration leaves it out and the template is not monthly, where
// the value has no effect: so that adopting a template such as the
// reference's yearly one with repeatWeekday true plans no change, and a
// template moved off monthly is not sent a value it ignores.
type weekdayKeptOffMonthly struct{}

func (weekdayKeptOffMonthly) Description(context.Context) string {
	return "When left out on a template that is not monthly, the value ServiceTrade has is kept."
}

func (m weekdayKeptOffMonthly) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (weekdayKeptOffMonthly) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	if !req.ConfigValue.IsNull() || req.StateValue.IsNull() || req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	// The frequency the template will have: the configuration's, or, when
	// it is left out, the one kept from state.
	var configured, current types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("frequency"), &configured)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("frequency"), &current)...)
	if resp.Diagnostics.HasError() || configured.IsUnknown() {
		return
	}
	frequency := configured
	if frequency.IsNull() {
		frequency = current
	}
	if frequency.ValueString() != "monthly" {
		resp.PlanValue = req.StateValue
	}
}
