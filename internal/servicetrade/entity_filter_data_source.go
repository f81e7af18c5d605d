package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var entityFilterKind = objectKind[api.EntityFilter]{name: "entity filter", id: func(f api.EntityFilter) int64 { return f.ID }, get: (*api.Client).GetEntityFilter}

// NewEntityFilterDataSource is the fieldservice_servicetrade_entity_filter
// data source.
func NewEntityFilterDataSource() datasource.DataSource {
	d := lookupSource[entityFilterModel, api.EntityFilter]("entity_filter", "entity filter",
		"Looks up one ServiceTrade entity filter (a named set of a customer company's locations, which a contract's location context can refer to) "+
			"by `id` or by exact `name`, with its company and locations. Fails when no entity filter, or more than one, has that name. "+
			"Entity filters are made in ServiceTrade's web application: the API only reads them.",
		[]sourceKey[api.EntityFilter]{{attr: "name", description: "Exact, case-sensitive name of the entity filter.", of: func(f api.EntityFilter) string { return f.Name }}},
		map[string]schema.Attribute{
			"uri":       kit.ReadOnlyString("Absolute API URI of the entity filter."),
			"type":      kit.ReadOnlyString("Type of the filter: `location` (the only type ServiceTrade documents)."),
			"company":   entityFilterCompanyAttribute(),
			"locations": entityFilterLocationsAttribute(),
		})
	// The API's name filter is a substring match: the whole name is
	// matched here.
	d.Spec = amongNamed[entityFilterModel](entityFilterKind, func(c *api.Client, ctx context.Context, name string) ([]api.EntityFilter, error) {
		return c.ListEntityFilters(ctx, api.EntityFilterFilter{Name: name})
	})
	// The list omits company and locations: a filter found by name is read
	// by id.
	d.Refetch = entityFilterKind.readAgain
	d.SetDiags = (*entityFilterModel).fromAPI
	return d
}
