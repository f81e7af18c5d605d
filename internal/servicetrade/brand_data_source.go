package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var brandKind = objectKind[api.Brand]{name: "brand", id: func(b api.Brand) int64 { return b.ID }}

// brandDataAttributes are the read-only attributes of a brand in both data
// sources.
func brandDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"uri":          kit.ReadOnlyString("Absolute API URI of the brand."),
		"display_name": kit.ReadOnlyString("Name of the brand as displayed."),
		"web_site":     kit.ReadOnlyString("Web site of the brand, or null."),
		"details":      kit.ReadOnlyString("Details of the brand, or null."),
		"logo_id":      kit.ReadOnlyInt64("Id of the brand's logo attachment, or null."),
	}
}

// NewBrandDataSource is the fieldservice_servicetrade_brand data source.
func NewBrandDataSource() datasource.DataSource {
	attrs := brandDataAttributes()
	attrs["company_id"] = kit.DataParentID("Id of the company the brand belongs to.")
	d := lookupSource[brandModel, api.Brand]("brand", "brand",
		"Looks up one brand of a ServiceTrade company, by `id` or by exact `name`, within the company `company_id`. "+
			"Fails when no brand, or more than one, of that company has that name.",
		[]sourceKey[api.Brand]{{attr: "name", description: "Exact, case-sensitive name of the brand.", of: func(b api.Brand) string { return b.Name }}},
		attrs)
	d.Spec = func(ctx context.Context, client *api.Client, cfg *brandModel) lookup.Spec[api.Brand] {
		cid := cfg.CompanyID.ValueInt64()
		// ServiceTrade's name filter is a case-insensitive substring: the
		// look-up keeps the exact match.
		s := brandKind.spec(ctx, client, func(k lookup.Key[api.Brand]) ([]api.Brand, error) {
			return client.ListBrands(ctx, cid, k.Value.ValueString())
		})
		s.Get = byIDOf("brand", func(id int64) string { return fmt.Sprintf("brand %d of ServiceTrade company %d", id, cid) },
			func(id int64) (*api.Brand, error) { return client.GetBrand(ctx, cid, id) })
		s.Scope = fmt.Sprintf("of company %d", cid)
		s.Explain = func(msg string, _ bool) string { return fmt.Sprintf("In company %d: %s", cid, msg) }
		return s
	}
	d.Set = (*brandModel).fromAPI
	return d
}
