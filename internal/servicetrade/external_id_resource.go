package servicetrade

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// externalIDType is fieldservice_servicetrade_external_id: an external id
// has no id of its own; it is known by its entity's type and id and its
// system's name, and imported as "<entity_type>/<entity_id>/<system_name>".
var externalIDType = kit.Type[*api.Client, externalIDKey]{Vendor: vendor, Name: "external_id",
	ID: kit.TripleOf[string, int64, string](
		kit.Part{Attr: "entity_type", Parse: func(raw string) (any, error) { return parseEntityType(raw) }},
		kit.Part{Attr: "entity_id", Int: true, Parse: func(raw string) (any, error) { return parseID("entity", raw) }},
		kit.Part{Attr: "system_name", Parse: func(raw string) (any, error) { return parseSystemName(raw) }},
		"company/4294967297/peachtree", "the system is the external system's name", describeExternalID)}

func describeExternalID(vendor string, k externalIDKey) string {
	return fmt.Sprintf("%s external id of %s %d in external system %q", vendor, k.First, k.Second, k.Third)
}

// noSlash is what a system name may not contain: it is a segment of the
// API's path and of the import id.
var noSlash = regexp.MustCompile(`^[^/]*$`)

func parseEntityType(raw string) (string, error) {
	for _, t := range api.ExternalIDEntityTypes {
		if raw == t {
			return raw, nil
		}
	}
	return "", fmt.Errorf("the entity type is one of %s, got %q", strings.Join(api.ExternalIDEntityTypes, ", "), raw)
}

func parseSystemName(raw string) (string, error) {
	if raw == "" {
		return "", fmt.Errorf("the system name is the name of a ServiceTrade external system, got %q", raw)
	}
	return raw, nil
}

// NewExternalIDResource is the fieldservice_servicetrade_external_id
// resource.
func NewExternalIDResource() resource.Resource {
	r := &externalIDResource{}
	r.Resource = kit.Resource[*api.Client, externalIDKey, externalIDModel, api.ExternalID]{
		Base: externalIDType.Base(),
		// 404 (the entity or the system is gone) and a null value (removed
		// out of band) both mean the external id is gone.
		Get: func(c *api.Client, ctx context.Context, k externalIDKey) (*api.ExternalID, error) {
			return c.GetExternalID(ctx, k.First, k.Second, k.Third)
		},
		Set: (*externalIDModel).fromAPI,
		// There is no DELETE (405): a PUT of the empty string removes the
		// value, which is a real delete. 404 (the entity or the system is
		// gone) counts as done.
		Del: func(c *api.Client, ctx context.Context, k externalIDKey) error {
			err := c.RemoveExternalID(ctx, k.First, k.Second, k.Third)
			if err == nil || api.IsNotFound(err) {
				r.keys(k).Remove(kit.FormatTriple(k))
			}
			return err
		},
		// Only the value changes in place; the rest is the address.
		Change: func(ctx context.Context, c *api.Client, k externalIDKey, plan, _ *externalIDModel) (*api.ExternalID, error) {
			return c.UpdateExternalID(ctx, k.First, k.Second, k.Third, plan.Value.ValueString())
		},
	}
	return r
}

// externalIDResource is a kit.Resource keyed by the triple; its Del
// refers to the resource (for the natural-key index), hence the
// constructor's two steps.
type externalIDResource struct {
	kit.Resource[*api.Client, externalIDKey, externalIDModel, api.ExternalID]
}

func (r *externalIDResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade external id: the value by which an external system (an accounting package, an ERP, …) knows one " +
			"ServiceTrade entity, such as the accounting code of a lib item or the customer number of a company. An entity has at most " +
			"one value per external system. The API has no DELETE: destroying the resource removes the value (ServiceTrade's PUT of an " +
			"empty value). Import with `<entity_type>/<entity_id>/<system_name>`, such as `company/4294967297/peachtree`. " +
			"Creating the resource fails when the entity already has a value in that system, with the way to import it: ServiceTrade " +
			"would silently replace it. If the answer to the create request is lost, Terraform reads the value back: when there is " +
			"none it sends the request again, when it is the configured value it records it, and otherwise it fails with the way to import it.",
		Attributes: map[string]schema.Attribute{
			"id": kit.IDAttribute("The external id's import id, `<entity_type>/<entity_id>/<system_name>`."),
			"entity_type": kit.CreateOnly(kit.RequiredString("Type of the ServiceTrade entity: one of `"+strings.Join(api.ExternalIDEntityTypes, "`, `")+"`. "+
				"Part of the external id's address, so changing it forces replacement (the old value is removed).",
				stringvalidator.OneOf(api.ExternalIDEntityTypes...))),
			"entity_id": kit.ParentID("Numeric id of the ServiceTrade entity (company, location, lib item, …), which must exist. " +
				"Part of the external id's address, so changing it forces replacement (the old value is removed)."),
			"system_name": kit.CreateOnly(kit.RequiredString("Name (not label) of the ServiceTrade external system, which must exist: "+
				"see the `fieldservice_servicetrade_external_system` resource and data sources. It cannot contain `/`. "+
				"Part of the external id's address, so changing it forces replacement (the old value is removed).",
				stringvalidator.LengthAtLeast(1),
				stringvalidator.RegexMatches(noSlash, `must not contain "/" (the system name is a segment of the API path and of the import ID)`))),
			"value": kit.RequiredString("The entity's id in the external system, such as `AB-376`; compared character for character. "+
				"Updatable in place. It cannot be empty: an empty value is how ServiceTrade removes an external id, which destroying the resource does.",
				stringvalidator.LengthAtLeast(1)),
		},
	}
}

// keys is the natural-key index of the external ids of the key's entity:
// one per entity (the API lists an entity's values, never all of them), by
// system name, listed once per provider process and kept current with
// this process's creates and deletes.
func (r *externalIDResource) keys(k externalIDKey) *naturalkey.Index {
	return r.KeysWithin(fmt.Sprintf("%s/%d", k.First, k.Second))
}

func (r *externalIDResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan externalIDModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.ExternalID, bool) {
		k, value := plan.key(), plan.Value.ValueString()
		object := r.Type.Object(k)
		entity := fmt.Sprintf("ServiceTrade %s %d", k.First, k.Second)
		// POST replaces an existing value without a word, so the system
		// name is the natural key among the entity's external ids, checked
		// before the create: an existing value is never taken over, but
		// imported. The entity's values are its own list, so the index is
		// the entity's (keys), which kit.Send keeps. The entity has one
		// value per system, so after a lost
		// answer the value found is adopted when it is the one configured.
		l := lostcreate.Lookup[api.ExternalID]{
			Match:  fmt.Sprintf("of %s %d in external system %q", k.First, k.Second, k.Third),
			Unique: true,
			Remove: fmt.Sprintf("remove the value in ServiceTrade (an empty value in external system %q)", k.Third),
			Find: func(ctx context.Context) ([]api.ExternalID, error) {
				got, err := client.GetExternalID(ctx, k.First, k.Second, k.Third)
				if api.IsNotFound(err) {
					return nil, nil
				}
				if err != nil {
					return nil, err
				}
				return []api.ExternalID{*got}, nil
			},
			ImportID: func(e api.ExternalID) string { return kit.FormatTriple(externalIDKeyOf(&e)) },
			Differs: func(e api.ExternalID) []string {
				if e.Value != value {
					return []string{"value"}
				}
				return nil
			},
			Key: &lostcreate.Key{
				Index: r.keys(k), Value: k.Third, Attribute: "system_name",
				// A second create overwrites the value: an entity holds one
				// value per external system.
				Second:   "keeps one value per entity and external system (a second create overwrites the first)",
				Describe: fmt.Sprintf("system name %q on %s %d", k.Third, k.First, k.Second),
				List: func(ctx context.Context) ([]naturalkey.Entry, error) {
					values, err := client.ListExternalIDs(ctx, k.First, k.Second)
					if api.IsNotFound(err) {
						return nil, fmt.Errorf("%w\n\n%s does not exist: entity_type and entity_id must name an existing object", err, entity)
					}
					entries := make([]naturalkey.Entry, 0, len(values))
					for system := range values {
						entries = append(entries, naturalkey.Entry{ID: kit.FormatTriple(externalIDKey{First: k.First, Second: k.Second, Third: system}), Key: system})
					}
					return entries, err
				},
				Why:     "ServiceTrade keeps one value per entity and external system, and a create would silently replace the existing one.",
				Instead: fmt.Sprintf("give this resource another entity or system_name, or remove the existing value in ServiceTrade first (an empty value in external system %q)", k.Third),
			},
		}
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating %s failed", object),
			func(ctx context.Context) (*api.ExternalID, error) {
				created, err := client.CreateExternalID(ctx, k.First, k.Second, k.Third, value)
				if api.IsNotFound(err) {
					err = fmt.Errorf("%w\n\nEither %s does not exist, or no ServiceTrade external system is named %q "+
						"(system_name is the system's name, not its label; the fieldservice_servicetrade_external_systems data source lists them)", err, entity, k.Third)
				}
				return created, err
			}, l)
	})
}
