package servicetrade

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplateResource is the fieldservice_servicetrade_quote_template
// resource.
func NewQuoteTemplateResource() resource.Resource {
	return &quoteTemplateResource{crudResource[quoteTemplateModel, api.QuoteTemplate]{
		Base: numbered("quote_template", kit.AllowDuplicateDefault,
			kit.Attribute{Name: "force_delete", Default: types.BoolValue(false)}).Base(),
		Get: (*api.Client).GetQuoteTemplate, Set: (*quoteTemplateModel).fromAPI,
		NaturalKey: func(o *api.QuoteTemplate) string { return o.Name },
		// A change of force_delete or allow_duplicate alone concerns only
		// the provider: UpdateWith saves it without calling ServiceTrade.
		Change: kit.Updates((*quoteTemplateModel).toInput, (*api.Client).UpdateQuoteTemplate),
	}}
}

// quoteTemplateResource has its own Delete: it empties the template first
// when force_delete says so.
type quoteTemplateResource struct {
	crudResource[quoteTemplateModel, api.QuoteTemplate]
}

// forceDeleteRounds bounds how often Delete empties the template and
// retries when items keep appearing (someone adding items concurrently).
const forceDeleteRounds = 3

func (r *quoteTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade quote template: a named, reusable set of quote line items, optionally restricted to one customer company and carrying terms and conditions. " +
			"Its line items are managed with `fieldservice_servicetrade_quote_template_item` resources, not here. " +
			"ServiceTrade refuses to delete a template that still has items (409): Terraform deletes the item resources that depend on the template first, " +
			"and items created outside Terraform make the destroy fail unless `force_delete` is true. Import with the numeric template id. " +
			"Creating a template fails when one with the same name already exists (two templates of one name cannot be told apart in ServiceTrade's lists), with the way to import it, " +
			"unless `allow_duplicate` is true (needed to replace a template with `create_before_destroy` and keep its name). " +
			"If the answer to the create request is lost, Terraform looks for the template: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing templates of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the quote template."),
			"uri": kit.ComputedString("Absolute API URI of the quote template, as returned by ServiceTrade."),
			"name": kit.RequiredString("Name of the template, shown in ServiceTrade's template lists. Not unique. Updatable in place.",
				stringvalidator.LengthAtLeast(1)),
			"description": kit.OptionalString("Description of the quotes that will result from this template. Omit for none; removing it clears it. Updatable in place.",
				stringvalidator.LengthAtLeast(1)),
			"company_id": kit.OptionalID("Id of the company the template is restricted to: when set, the template only applies to quotes for that company. " +
				"Omit (or remove) for a template that applies to every company. Look companies up with the `fieldservice_servicetrade_company` data source. Updatable in place."),
			"terms_id": kit.OptionalID("Id of the terms and conditions that apply to quotes made from the template. Omit (or remove) for none, the API's default. " +
				"Look terms up with the `fieldservice_servicetrade_terms` data source. ServiceTrade refuses to delete terms that a template uses. Updatable in place."),
			"force_delete": kit.OptionalBool(false, "What destroying the template does when it still has line items that Terraform does not manage (made in the ServiceTrade UI, say). "+
				"`false` (the default): the destroy fails with a message saying how many items remain, because ServiceTrade refuses to delete a template with items. "+
				"`true`: those items are deleted first, then the template. Provider-side only; changing it updates the state without calling ServiceTrade."),
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "template", Kind: "quote template", Attr: "name",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "two templates of one name, which cannot be told apart in ServiceTrade's template lists"}),
		},
	}
}

func (r *quoteTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan quoteTemplateModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.QuoteTemplate, bool) {
		in := plan.toInput()
		// Names are not unique in ServiceTrade, so a create whose answer was
		// lost is never adopted. But the name is how people pick a template
		// (two of one name cannot be told apart in ServiceTrade's lists): it
		// is the natural key checked before the create, unless
		// allow_duplicate says a duplicate is meant (a create_before_destroy
		// replacement).
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade quote template %q failed", in.Name),
			func(ctx context.Context) (*api.QuoteTemplate, error) { return client.CreateQuoteTemplate(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.QuoteTemplate]{
				Attribute: "name", Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Match: fmt.Sprintf("named %q", in.Name),
				Why: "Two quote templates of one name cannot be told apart in ServiceTrade's template lists.",
				List: func(ctx context.Context) ([]api.QuoteTemplate, error) {
					return client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{})
				},
				// After a lost answer, only the templates of that name.
				Find: func(ctx context.Context) ([]api.QuoteTemplate, error) {
					return client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: in.Name})
				},
				Key: func(t api.QuoteTemplate) string { return t.Name }, ID: func(t api.QuoteTemplate) string { return formatID(t.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}

func (r *quoteTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var force types.Bool
	if resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("force_delete"), &force)...); resp.Diagnostics.HasError() {
		return
	}
	// DeleteWith frees the template's name for a create in this run once
	// it is gone, whoever deleted it.
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, client *api.Client, id int64) error {
		for round := 0; ; round++ {
			err := client.DeleteQuoteTemplate(ctx, id)
			if err == nil || api.IsNotFound(err) || !api.IsConflict(err) {
				return err
			}
			// 409 "quotetemplate still has child items": items Terraform
			// does not manage here (its own item resources are deleted
			// first).
			items, listErr := client.ListQuoteTemplateItems(ctx, id)
			if api.IsNotFound(listErr) {
				return nil // deleted by someone else meanwhile
			}
			if listErr != nil {
				return fmt.Errorf("%s\n\nListing the template's remaining items also failed: %s", err, listErr)
			}
			if len(items) == 0 && round < forceDeleteRounds {
				continue // the items went meanwhile: try again
			}
			if !force.ValueBool() {
				return errors.New(remainingItemsMessage(id, len(items), err))
			}
			if round >= forceDeleteRounds {
				return fmt.Errorf("The template still had %d items after deleting its items %d times: something keeps adding items to it. %s", len(items), forceDeleteRounds, err)
			}
			for _, it := range items {
				if err := client.DeleteQuoteTemplateItem(ctx, id, it.ID); err != nil && !api.IsNotFound(err) {
					return fmt.Errorf("force_delete is true, but deleting the template's item %d (%q) failed: %s", it.ID, it.Description, err)
				}
			}
		}
	})
}

// remainingItemsMessage explains the 409 of a template that still has items
// and what to do about it.
func remainingItemsMessage(id int64, n int, err error) string {
	count := fmt.Sprintf("%d line items", n)
	if n == 1 {
		count = "1 line item"
	}
	return fmt.Sprintf("The quote template still has %s that this Terraform configuration does not manage, and ServiceTrade refuses to delete a template that has items. "+
		"Delete those items first (in ServiceTrade, or by importing them as fieldservice_servicetrade_quote_template_item resources with the id \"%d/<item id>\" and removing them), "+
		"or set force_delete = true on this template, apply, and destroy again to delete its items along with it.\n\nServiceTrade said: %s", count, id, err)
}
