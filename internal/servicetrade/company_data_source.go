package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewCompanyDataSource is the fieldservice_servicetrade_company data source.
func NewCompanyDataSource() datasource.DataSource {
	return &kit.Lookup[*api.Client, companyModel, api.Company]{
		DataBase: vendor.DataSource("company", "id", "name"),
		Definition: schema.Schema{
			Description: "Looks up one ServiceTrade company (a customer, a vendor such as the account's own company, or both) by `id` or by exact `name`. Fails when no company, or more than one, has that name: company names are not unique in ServiceTrade, so use `id` for duplicates.",
			Attributes: map[string]schema.Attribute{
				"id":               schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the company. Give exactly one of `id` and `name`."},
				"name":             schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive name of the company. Give exactly one of `id` and `name`."},
				"uri":              schema.StringAttribute{Computed: true, Description: "Absolute API URI of the company."},
				"ref_number":       schema.StringAttribute{Computed: true, Description: "Reference number of the company (set by ServiceTrade from a counter when not given)."},
				"status":           schema.StringAttribute{Computed: true, Description: "Status of the company: `active`, `pending`, `on_hold` or `inactive`."},
				"customer":         schema.BoolAttribute{Computed: true, Description: "Whether the company is a customer."},
				"vendor":           schema.BoolAttribute{Computed: true, Description: "Whether the company is a service vendor (the account's own company is one)."},
				"parts_vendor":     schema.BoolAttribute{Computed: true, Description: "Whether the company is a parts vendor."},
				"prime_contractor": schema.BoolAttribute{Computed: true, Description: "Whether the company is a prime contractor."},
				"phone_number":     schema.StringAttribute{Computed: true, Description: "Phone number of the company, as stored (empty when none)."},
				"address":          addressAttribute("company"),
			},
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *companyModel) lookup.Spec[api.Company] {
			return lookup.Spec[api.Company]{
				Kind: kindOf("company", func(c api.Company) int64 { return c.ID }),
				ID:   cfg.ID,
				Get:  byID("company", func(id int64) (*api.Company, error) { return client.GetCompany(ctx, id) }),
				Keys: []lookup.Key[api.Company]{{Attr: "name", Value: cfg.Name, Of: func(c api.Company) string { return c.Name }}},
				List: func(k lookup.Key[api.Company]) ([]api.Company, error) {
					return client.ListCompanies(ctx, api.CompanyFilter{Name: k.Value.ValueString()})
				},
			}
		},
		SetDiags: (*companyModel).fromAPI,
	}
}

type companyModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	URI             types.String `tfsdk:"uri"`
	RefNumber       types.String `tfsdk:"ref_number"`
	Status          types.String `tfsdk:"status"`
	Customer        types.Bool   `tfsdk:"customer"`
	Vendor          types.Bool   `tfsdk:"vendor"`
	PartsVendor     types.Bool   `tfsdk:"parts_vendor"`
	PrimeContractor types.Bool   `tfsdk:"prime_contractor"`
	PhoneNumber     types.String `tfsdk:"phone_number"`
	Address         types.Object `tfsdk:"address"`
}

// fromAPI fills the model from the API object.
func (m *companyModel) fromAPI(c *api.Company) diag.Diagnostics {
	*m = companyModel{
		ID:              types.StringValue(formatID(c.ID)),
		Name:            types.StringValue(c.Name),
		URI:             types.StringValue(c.URI),
		RefNumber:       types.StringValue(c.RefNumber),
		Status:          types.StringValue(c.Status),
		Customer:        types.BoolValue(c.Customer),
		Vendor:          types.BoolValue(c.Vendor),
		PartsVendor:     types.BoolValue(c.PartsVendor),
		PrimeContractor: types.BoolValue(c.PrimeContractor),
		PhoneNumber:     types.StringValue(c.PhoneNumber),
	}
	return addressValue(c.Address, &m.Address)
}
