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
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// NewTagResource is the fieldservice_servicetrade_tag resource.
func NewTagResource() resource.Resource {
	return &tagResource{crudResource[tagModel, api.Tag]{
		Base: numbered("tag").Base(),
		Get:  (*api.Client).GetTag, Set: (*tagModel).fromAPI, Del: (*api.Client).DeleteTag,
		NaturalKey: func(o *api.Tag) string { return api.TagKey(o.Name) },
		Change:     renameTag,
	}}
}

// renameTag renames the tag, the only thing a tag has to change; a
// conflict is explained by renameConflict.
func renameTag(ctx context.Context, c *api.Client, id int64, plan, state *tagModel) (*api.Tag, error) {
	name := plan.Name.ValueString()
	tag, err := c.RenameTag(ctx, id, name)
	if api.IsConflict(err) {
		return nil, renameConflict(ctx, c, id, state.Name.ValueString(), name, err)
	}
	return tag, err
}

// tagResource imports by id or by name: it has its own ImportState.
type tagResource struct {
	crudResource[tagModel, api.Tag]
}

// tagNameTrimmed refuses names with surrounding white space (or none but
// white space): ServiceTrade plausibly trims them (the emulator does), and
// the state would then never match the configuration.
var tagNameTrimmed = stringvalidator.RegexMatches(regexp.MustCompile(`(?s)^\S(.*\S)?$`),
	"must not be blank, nor start or end with white space")

func (r *tagResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade tag: a label that users attach to jobs, locations, companies, contracts and other entities " +
			"(attaching tags to entities is not managed by this resource). Tag names are unique in the account; the provider compares them ignoring case. " +
			"Renaming updates the tag in place, and every entity keeps it. " +
			"**Destroying the resource deletes the tag, which removes it from every entity it is attached to**, including those tagged outside Terraform. " +
			"Import with the numeric tag id or with the tag's name. " +
			"ServiceTrade's create returns the existing tag when one has the name, so creating a tag whose name exists (ignoring case) fails, " +
			"with the way to import it, rather than silently taking over a tag that Terraform does not manage. " +
			"If the answer to the create request is lost, Terraform looks for the tag: when none exists it sends the request again; " +
			"when the tag of that exact name exists (it did not before the create) it is recorded in the state, with a warning; " +
			"otherwise the create fails with an error naming the tag, to import.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the tag."),
			"uri": kit.ComputedString("Absolute API URI of the tag, as returned by ServiceTrade."),
			"name": kit.RequiredString("Name of the tag, unique in the account ignoring case. Updatable in place (a rename); "+
				"renaming to the name of another tag fails (ServiceTrade answers 409 \"new tag name already in use\"). "+
				"It must not start or end with white space.", stringvalidator.LengthAtLeast(1), tagNameTrimmed),
		},
	}
}

func (r *tagResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan tagModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Tag, bool) {
		name := plan.Name.ValueString()
		all := func(ctx context.Context) ([]api.Tag, error) { return client.ListTags(ctx, api.TagFilter{}) }
		// POST /tag is a get-or-create: ServiceTrade never refuses a name
		// that exists, it answers with that tag. So the name is the natural
		// key, checked before the create (once per provider process, then
		// again right before the POST: see createTag), and compared ignoring
		// case, since the reference does not say how the get-or-create
		// matches names.
		//
		// After a lost answer the tag named so is looked for among all tags
		// (every page, not through the name filter, whose case handling is
		// not documented either). Both checks found no such tag just before
		// the POST, so one that exists now was made by this create (or by
		// someone in those milliseconds): it is adopted, with a warning,
		// when its name is exactly the configured one. A tag whose name
		// differs in case is not adopted (it may be an older tag that the
		// get-or-create matched): the create fails, naming it. When none
		// exists, the create provably did not happen and is sent again.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade tag %q failed", name),
			func(ctx context.Context) (*api.Tag, error) { return createTag(ctx, client, name) },
			lostcreate.Lookup[api.Tag]{
				Match:  fmt.Sprintf("named %q (ignoring case)", name),
				Unique: true,
				Find: func(ctx context.Context) ([]api.Tag, error) {
					list, err := all(ctx)
					return lostcreate.Keep(list, err, func(t api.Tag) bool { return api.SameTagName(t.Name, name) })
				},
				ImportID: func(t api.Tag) string { return formatID(t.ID) },
				Differs: func(t api.Tag) []string {
					if t.Name != name {
						return []string{"name"}
					}
					return nil
				},
				Key: &lostcreate.Key{
					Value: api.TagKey(name), Describe: fmt.Sprintf("name %q (ignoring case)", name), Attribute: "name",
					List: kit.Entries(all, func(t api.Tag) (string, string) { return formatID(t.ID), api.TagKey(t.Name) }),
					Why:  tagTakeOverRisk,
					// A second create of the name hands the existing tag
					// back: the replacement would be the old tag itself.
					Second: "hands back the existing tag for a second create of the same name (ignoring case)",
				},
			})
	})
}

// tagTakeOverRisk says why a tag whose name exists is never created.
const tagTakeOverRisk = "ServiceTrade's create returns an existing tag of that name instead of failing, so creating it would silently make " +
	"Terraform manage a tag it did not create, and destroying the resource would then remove that tag from every entity."

// createTag sends the create of a tag named name, once no tag has the name
// (ignoring case). The natural-key check before it lists the tags once per
// provider process, which may be minutes old by the time of this create;
// since the API takes over an existing tag without a word, the name is
// checked again right before the POST. The answer must be a tag of exactly
// that name: any other is an existing tag that the get-or-create matched.
func createTag(ctx context.Context, client *api.Client, name string) (*api.Tag, error) {
	existing, err := client.TagsNamed(ctx, name)
	if err != nil {
		// Nothing was sent to create the tag: the outcome is known.
		return nil, transport.NotSent(fmt.Errorf("checking that no ServiceTrade tag is named %q before creating it failed (nothing was created; apply again): %w", name, err))
	}
	if len(existing) > 0 {
		return nil, fmt.Errorf("%s", existingTagMessage(name, existing))
	}
	tag, err := client.CreateTag(ctx, name)
	if err != nil {
		return nil, err
	}
	if tag.Name != name {
		return nil, fmt.Errorf("ServiceTrade answered the create of tag %q with tag %q (id %d): either that tag already existed, and ServiceTrade's create "+
			"returns an existing tag whose name matches instead of failing, or ServiceTrade changed the name. Terraform did not record it. "+
			"To manage that tag, import it with\n\n  terraform import %s.<name> %d\n\nand set name = %q; or give this resource another name.",
			name, tag.Name, tag.ID, tagResourceType, tag.ID, tag.Name)
	}
	return tag, nil
}

const tagResourceType = "fieldservice_servicetrade_tag"

// existingTagMessage is the refusal of a create whose name a tag has.
func existingTagMessage(name string, existing []api.Tag) string {
	var b strings.Builder
	if len(existing) == 1 {
		fmt.Fprintf(&b, "A ServiceTrade tag named %q already exists (id %d; names are compared ignoring case)", existing[0].Name, existing[0].ID)
	} else {
		ids := make([]string, len(existing))
		for i, t := range existing {
			ids[i] = fmt.Sprintf("%q (id %d)", t.Name, t.ID)
		}
		fmt.Fprintf(&b, "ServiceTrade tags %s already exist with the name %q, ignoring case", strings.Join(ids, ", "), name)
	}
	fmt.Fprintf(&b, ". %s To manage it with Terraform, import it:\n\n  terraform import %s.<name> %d\n\n"+
		"or with an import block:\n\n  import {\n    to = %s.<name>\n    id = %q\n  }\n\n"+
		"If you did not mean that tag, give this resource another name.",
		tagTakeOverRisk, tagResourceType, existing[0].ID, tagResourceType, formatID(existing[0].ID))
	return b.String()
}

// renameConflict explains ServiceTrade's 409 to a rename, naming the tag
// that has the name when it can be found.
func renameConflict(ctx context.Context, client *api.Client, id int64, from, to string, err error) error {
	other := ""
	if found, listErr := client.TagsNamed(ctx, to); listErr == nil {
		for _, t := range found {
			if t.ID != id {
				other = fmt.Sprintf(" (%q, id %d)", t.Name, t.ID)
				break
			}
		}
	}
	return fmt.Errorf("%w\n\nTag %q cannot be renamed to %q: another ServiceTrade tag already has that name%s, and tag names are unique "+
		"(ServiceTrade compares them ignoring case). Choose another name; or, to use the other tag, import it into its own resource, "+
		"or merge the two tags in ServiceTrade (which moves every entity of one tag to the other and deletes it).", err, from, to, other)
}

// ImportState takes the numeric id or, failing that, the name (ignoring
// case).
func (r *tagResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, err := parseID("tag", req.ID); err == nil || req.ID == "" {
		r.Base.ImportState(ctx, req, resp) // the id, or an import block's identity
		return
	}
	client, ok := r.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	list, err := client.ListTags(ctx, api.TagFilter{})
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Importing ServiceTrade tag %q failed", req.ID), err.Error())
		return
	}
	match, err := exactlyOne("tag", "name", req.ID, list, func(t api.Tag) string { return t.Name }, func(t api.Tag) int64 { return t.ID }, ignoreCase)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for "+r.Type.TypeName(),
			err.Error()+". The import id is the numeric id or the name of the tag.")
		return
	}
	r.Import(ctx, formatID(match.ID), resp)
}
