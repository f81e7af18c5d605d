package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewEntityFiltersDataSource is the fieldservice_servicetrade_entity_filters
// data source.
func NewEntityFiltersDataSource() datasource.DataSource {
	return &kit.List[*api.Client, entityFiltersModel, api.EntityFilter, entityFilterSummaryModel]{
		DataBase: vendor.DataSource("entity_filters"),
		Description: "Lists the ServiceTrade entity filters of the account (named sets of a customer company's locations, made in ServiceTrade's web application), " +
			"optionally filtered by name, with their id, name and type. ServiceTrade's list does not return an entity filter's company and locations: " +
			"read those with the `fieldservice_servicetrade_entity_filter` data source, for example with `for_each` over this list's ids.",
		Filters: nameFilter("entity filters"),
		Items:   "The matching entity filters, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":   kit.ReadOnlyString("Numeric id of the entity filter (the `id` of `fieldservice_servicetrade_entity_filter`)."),
			"uri":  kit.ReadOnlyString("Absolute API URI of the entity filter."),
			"name": kit.ReadOnlyString("Name of the entity filter."),
			"type": kit.ReadOnlyString("Type of the filter: `location` (the only type ServiceTrade documents)."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *entityFiltersModel) ([]api.EntityFilter, error) {
			return client.ListEntityFilters(ctx, api.EntityFilterFilter{Name: cfg.Name.ValueString()})
		},
		Of:  func(m *entityFiltersModel) *[]entityFilterSummaryModel { return &m.EntityFilters },
		Set: (*entityFilterSummaryModel).fromAPI,
	}
}

type entityFiltersModel struct {
	Name          types.String               `tfsdk:"name"`
	EntityFilters []entityFilterSummaryModel `tfsdk:"entity_filters"`
}
