package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var companyKind = objectKind[api.Company]{name: "company", id: func(c api.Company) int64 { return c.ID }, get: (*api.Client).GetCompany}

// NewCompanyDataSource is the fieldservice_servicetrade_company data source.
func NewCompanyDataSource() datasource.DataSource {
	d := lookupSource[companyModel, api.Company]("company", "company",
		"Looks up one ServiceTrade company (a customer, a vendor such as the account's own company, or both) by `id` or by exact `name`. Fails when no company, or more than one, has that name: company names are not unique in ServiceTrade, so use `id` for duplicates.",
		[]sourceKey[api.Company]{{attr: "name", description: "Exact, case-sensitive name of the company.", of: func(c api.Company) string { return c.Name }}},
		map[string]schema.Attribute{
			"uri":              kit.ReadOnlyString("Absolute API URI of the company."),
			"ref_number":       kit.ReadOnlyString("Reference number of the company (set by ServiceTrade from a counter when not given)."),
			"status":           kit.ReadOnlyString("Status of the company: `active`, `pending`, `on_hold` or `inactive`."),
			"customer":         kit.ReadOnlyBool("Whether the company is a customer."),
			"vendor":           kit.ReadOnlyBool("Whether the company is a service vendor (the account's own company is one)."),
			"parts_vendor":     kit.ReadOnlyBool("Whether the company is a parts vendor."),
			"prime_contractor": kit.ReadOnlyBool("Whether the company is a prime contractor."),
			"phone_number":     kit.ReadOnlyString("Phone number of the company, as stored (empty when none)."),
			"address":          addressAttribute("company"),
		})
	d.Spec = amongNamed[companyModel](companyKind, func(c *api.Client, ctx context.Context, name string) ([]api.Company, error) {
		return c.ListCompanies(ctx, api.CompanyFilter{Name: name})
	})
	d.SetDiags = (*companyModel).fromAPI
	return d
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
