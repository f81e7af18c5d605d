package servicetrade

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTermsResource is the fieldservice_servicetrade_terms resource.
func NewTermsResource() resource.Resource {
	return &termsResource{crudResource[termsResourceModel, api.Terms]{
		Base: numbered("terms", kit.AllowDuplicateDefault).Base(),
		Get:  (*api.Client).GetTerms, Set: (*termsResourceModel).fromAPI,
		NaturalKey: func(o *api.Terms) string { return o.Name },
		// A change of allow_duplicate alone concerns only the provider:
		// UpdateWith saves it without calling ServiceTrade.
		Change: kit.Updates((*termsResourceModel).toInput, (*api.Client).UpdateTerms),
	}}
}

// termsResource has its own Delete: it explains the 409 of terms in use.
type termsResource struct {
	crudResource[termsResourceModel, api.Terms]
}

// termsNotBlank is the API's "required": a value of white space only is
// refused (400) like a missing one.
var termsNotBlank = stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be blank")

func (r *termsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A set of ServiceTrade terms and conditions: a titled text that contracts (job, quote and invoice terms), quote templates and " +
			"the account's settings (default change order, job, quote and invoice terms) refer to, and that ServiceTrade prints on jobs, quotes and invoices. " +
			"Both attributes are updatable in place. Import with the numeric terms id. " +
			"ServiceTrade refuses to delete terms that a contract, a quote template or the account settings still use (409): " +
			"Terraform first updates or deletes the resources of this configuration that refer to them, and otherwise the destroy fails saying what to change. " +
			"Creating terms fails when terms with the same name already exist (two sets of one name cannot be told apart where ServiceTrade offers them for a choice), " +
			"with the way to import them, unless `allow_duplicate` is true (needed to replace terms with `create_before_destroy` and keep their name). " +
			"If the answer to the create request is lost, Terraform looks for the terms: when there are none it sends the request again, " +
			"otherwise it fails with an error listing the existing terms of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the terms."),
			"uri": kit.ComputedString("Absolute API URI of the terms, as returned by ServiceTrade."),
			"name": kit.RequiredString("Title of the terms, as ServiceTrade shows it wherever terms are chosen. Must not be empty or only white space. "+
				"Not unique in ServiceTrade, but creating terms fails when other terms have exactly this name (compared case-sensitively) unless `allow_duplicate` is true. Updatable in place.", termsNotBlank),
			"content": kit.RequiredString("Text of the terms, stored as given (line breaks included). Must not be empty or only white space. Updatable in place.", termsNotBlank),
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "terms", Kind: "terms", Attr: "name",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "two sets of terms of one name, which cannot be told apart where ServiceTrade offers terms for a choice " +
					"and which the `fieldservice_servicetrade_terms` data source cannot look up by name"}),
		},
	}
}

func (r *termsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan termsResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Terms, bool) {
		in := plan.toInput()
		// Names are not unique in ServiceTrade, so a create whose answer was
		// lost is never adopted. But the name is how people pick terms
		// (contracts, quotes, templates and the account settings offer
		// them by name, and the data source looks them up by name): it is
		// the natural key checked before the create, unless allow_duplicate
		// says a duplicate is meant (a create_before_destroy replacement).
		// The index takes no filter, so both checks list every set.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade terms %q failed", in.Name),
			func(ctx context.Context) (*api.Terms, error) { return client.CreateTerms(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.Terms]{
				Attribute: "name", Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Match: fmt.Sprintf("named %q", in.Name),
				Why:  "Two sets of terms of one name cannot be told apart where ServiceTrade offers terms for a choice.",
				List: client.ListTerms,
				Key:  func(t api.Terms) string { return t.Name }, ID: func(t api.Terms) string { return formatID(t.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}

func (r *termsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var name types.String
	if resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("name"), &name)...); resp.Diagnostics.HasError() {
		return
	}
	// DeleteWith frees the name for a create in this run once the terms
	// are gone, whoever deleted them.
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, client *api.Client, id int64) error {
		err := client.DeleteTerms(ctx, id)
		if api.IsConflict(err) {
			return errors.New(termsInUseMessage(id, name.ValueString(), err))
		}
		return err
	})
}

// termsInUseMessage explains the 409 of terms that other objects still
// use: ServiceTrade does not say which, so it names every kind that can,
// and what to change in each.
func termsInUseMessage(id int64, name string, err error) string {
	return fmt.Sprintf("ServiceTrade refuses to delete the terms %q (id %d) because other objects still use them. "+
		"ServiceTrade does not say which; terms are used by:\n"+
		"- contracts, as their job, quote or invoice terms (deactivated contracts included: ServiceTrade cannot delete contracts): "+
		"change or remove job_terms_id, quote_terms_id and invoice_terms_id on the fieldservice_servicetrade_contract resources, or edit the contracts in ServiceTrade;\n"+
		"- quote templates: change or remove terms_id on the fieldservice_servicetrade_quote_template resources, or edit the templates in ServiceTrade;\n"+
		"- the account settings, as the default change order, job, quote or invoice terms: choose other defaults in ServiceTrade's account settings (the API cannot change them).\n"+
		"Then destroy again. To stop managing the terms without deleting them, remove them from the state instead "+
		"(a removed block, or terraform state rm).\n\nServiceTrade said: %s", name, id, err)
}
