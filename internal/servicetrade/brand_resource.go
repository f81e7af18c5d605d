package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

// brandType is fieldservice_servicetrade_brand: a brand is known by its
// company and its own id, and imported as "<company_id>/<brand_id>".
var brandType = childType("brand", "company", "brand", "4294967301/4294967310", "")

// NewBrandResource is the fieldservice_servicetrade_brand resource.
func NewBrandResource() resource.Resource {
	return &brandResource{childResource[brandModel, api.Brand]{
		Base: brandType.Base(),
		// A brand is read through its company. 404: the brand or its
		// company is gone.
		Get: kit.GetChild((*api.Client).GetBrand), Set: (*brandModel).fromAPI,
		// The API answers DELETE with 405: Delete makes no request and
		// only forgets the brand, with the warning.
		Notice: brandNotDeleted,
	}}
}

type brandResource struct {
	childResource[brandModel, api.Brand]
}

// brandNotDeleted is the warning of every destroy.
func brandNotDeleted(m brandModel) undeletable.Notice {
	return undeletable.Notice{
		Summary: fmt.Sprintf("ServiceTrade brand %q (id %s) of company %d still exists in ServiceTrade", m.Name.ValueString(), m.ID.ValueString(), m.CompanyID.ValueInt64()),
		Detail: "The ServiceTrade API cannot delete brands (DELETE answers 405), so Terraform only stopped managing it: it was removed from the state, " +
			"and it still exists in ServiceTrade with its name, and the locations that use it keep it. " +
			fmt.Sprintf("To manage it again, import it with `%d/%s`. To remove it for good, ask ServiceTrade support.", m.CompanyID.ValueInt64(), m.ID.ValueString()),
	}
}

func (r *brandResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A brand of a ServiceTrade company (a brand its locations carry, such as a restaurant chain's brand). " +
			"ServiceTrade cannot delete brands: destroying the resource only removes it from the Terraform state, with a warning, " +
			"and the brand stays in ServiceTrade. Import with `<company_id>/<brand_id>`. " +
			"Creating a brand fails when the company already has a brand with the same name (brands are picked by name), with the way to import it. " +
			"If the answer to the create request is lost, Terraform looks for the brand: when none of that name exists it sends the request again, " +
			"otherwise it fails with an error naming the existing brand, to import.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the brand."),
			"uri": kit.ComputedString("Absolute API URI of the brand (`…/company/<company_id>/brand/<id>`)."),
			"company_id": kit.ParentID("Id of the company the brand belongs to (see the `fieldservice_servicetrade_company` data source). " +
				"The company is part of the brand's URL, so changing it forces replacement, which creates a brand in the new company " +
				"and leaves the old one in ServiceTrade."),
			"name": kit.RequiredString("Name of the brand, unique among the company's brands (the provider refuses a second brand of a name). "+
				"Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"display_name": schema.StringAttribute{
				Optional: true, Computed: true,
				Description: "Name of the brand as displayed. When omitted at creation, ServiceTrade uses `name`; " +
					"when omitted afterwards, the current display name is kept (it does not follow a new `name`). Updatable in place.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"web_site": kit.OptionalString("Web site of the brand. Omit for none; removing it clears it.", stringvalidator.LengthAtLeast(1)),
			"details":  kit.OptionalString("Details of the brand, free text. Omit for none; removing it clears it.", stringvalidator.LengthAtLeast(1)),
			"logo_id": kit.OptionalID("Id of the brand's logo: an existing ServiceTrade attachment whose purpose is Logo (12), " +
				"uploaded outside Terraform; ServiceTrade refuses any other id when the brand is saved. Omit for none; removing it clears the logo."),
		},
	}
}

// brandIndex is the natural-key index of the brands of one company: the
// kit's index is one per kind, listed once, and brand names are only unique
// within a company.
func (r *brandResource) brandIndex(companyID int64) *naturalkey.Index {
	return r.KeysWithin(fmt.Sprintf("company %d", companyID))
}

// brandImportID is the import id of a brand of company companyID.
func brandImportID(companyID int64) func(api.Brand) string {
	return func(b api.Brand) string { return brandType.ID.Format(kit.Child{Parent: companyID, ID: b.ID}) }
}

func (r *brandResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan brandModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Brand, bool) {
		in := plan.toInput(false)
		companyID := plan.CompanyID.ValueInt64()
		// ServiceTrade is not documented to keep brand names unique, so a
		// create whose answer was lost is never adopted. But people pick a
		// brand by its name (for a location): the name is the natural key,
		// within the company, checked before the create; after a lost
		// answer the company's brands of that name are listed and the
		// create is sent again only when there is none. A destroyed brand
		// stays in ServiceTrade and keeps its name taken.
		l := kit.ByNaturalKey(kit.Natural[api.Brand]{
			Attribute: "name", Value: in.Name, Describe: fmt.Sprintf("name %q in company %d", in.Name, companyID),
			Match: fmt.Sprintf("named %q in company %d", in.Name, companyID),
			Why:   "People pick a brand by its name: two brands of one name in a company cannot be told apart.",
			List:  func(ctx context.Context) ([]api.Brand, error) { return client.ListBrands(ctx, companyID, "") },
			// After a lost answer, only the brands whose name contains it
			// (ByNaturalKey keeps the exact ones).
			Find: func(ctx context.Context) ([]api.Brand, error) { return client.ListBrands(ctx, companyID, in.Name) },
			Key:  func(b api.Brand) string { return b.Name }, ID: brandImportID(companyID),
		})
		// No allow_duplicate (a replacement moves the brand to another
		// company), and no deletion to suggest.
		l.Key.AllowDuplicate = ""
		l.Key.Instead = "give this resource another name (ServiceTrade cannot delete brands)"
		l.Key.Index = r.brandIndex(companyID)
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade brand %q in company %d failed", in.Name, companyID),
			func(ctx context.Context) (*api.Brand, error) { return client.CreateBrand(ctx, companyID, in) }, l)
	})
}

func (r *brandResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state brandModel
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, client *api.Client, key kit.Child) (*api.Brand, error) {
		in := plan.toInput(true)
		if in.Name != state.Name.ValueString() {
			if err := brandNameFree(ctx, client, key, in.Name); err != nil {
				return nil, err
			}
		}
		b, err := client.UpdateBrand(ctx, key.Parent, key.ID, in)
		if err == nil {
			r.brandIndex(key.Parent).Put(brandType.ID.Format(key), b.Name)
		}
		return b, err
	})
}

// brandNameFree refuses to give brand key a name another brand of its
// company has.
func brandNameFree(ctx context.Context, client *api.Client, key kit.Child, name string) error {
	list, err := client.ListBrands(ctx, key.Parent, name)
	if err != nil {
		return fmt.Errorf("checking that no other brand of company %d is named %q: %w", key.Parent, name, err)
	}
	for _, b := range list {
		if b.Name == name && b.ID != key.ID {
			return fmt.Errorf("company %d already has a brand named %q (id %d): people pick a brand by its name, so two of one name cannot be told apart. "+
				"Give this brand another name, or rename the other one first (import it with `%s`)",
				key.Parent, name, b.ID, brandType.ID.Format(kit.Child{Parent: key.Parent, ID: b.ID}))
		}
	}
	return nil
}
