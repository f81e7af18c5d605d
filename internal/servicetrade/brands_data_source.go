package servicetrade

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewBrandsDataSource is the fieldservice_servicetrade_brands data source.
func NewBrandsDataSource() datasource.DataSource {
	attrs := brandDataAttributes()
	attrs["id"] = kit.ReadOnlyString("Numeric id of the brand.")
	attrs["import_id"] = kit.ReadOnlyString("Import id of the brand for `fieldservice_servicetrade_brand`: `<company_id>/<id>`.")
	attrs["company_id"] = kit.ReadOnlyInt64("Id of the company the brand belongs to.")
	attrs["name"] = kit.ReadOnlyString("Name of the brand.")
	return &kit.List[*api.Client, brandsModel, api.Brand, brandListModel]{
		DataBase: vendor.DataSource("brands"),
		Description: "Lists the brands of a ServiceTrade company, including those Terraform did not create, optionally filtered by exact name: " +
			"use it with `for_each` in `import` blocks (`id = each.value.import_id`) to adopt a company's existing brands.",
		Filters: map[string]schema.Attribute{
			"company_id": kit.DataParentID("Id of the company whose brands are listed."),
			"name":       kit.DataFilterString("Keep only the brand whose name is exactly this text (case-sensitive). Omit for every brand."),
		},
		Items:   "The company's matching brands, in ServiceTrade's order.",
		Element: attrs,
		List: func(ctx context.Context, client *api.Client, cfg *brandsModel) ([]api.Brand, error) {
			name := cfg.Name.ValueString()
			list, err := client.ListBrands(ctx, cfg.CompanyID.ValueInt64(), name)
			if err != nil {
				return nil, err
			}
			// ServiceTrade matches the name as a case-insensitive
			// substring: keep the exact matches.
			return slices.DeleteFunc(list, func(b api.Brand) bool { return name != "" && b.Name != name }), nil
		},
		Of: func(m *brandsModel) *[]brandListModel { return &m.Brands },
		Set: func(e *brandListModel, b *api.Brand) {
			e.fromAPI(b)
			e.ImportID = types.StringValue(brandType.ID.Format(kit.Child{Parent: e.CompanyID.ValueInt64(), ID: b.ID}))
		},
	}
}

// brandListModel is one brand of the plural data source: the brand and its
// import id.
type brandListModel struct {
	brandModel
	ImportID types.String `tfsdk:"import_id"`
}

type brandsModel struct {
	CompanyID types.Int64      `tfsdk:"company_id"`
	Name      types.String     `tfsdk:"name"`
	Brands    []brandListModel `tfsdk:"brands"`
}
