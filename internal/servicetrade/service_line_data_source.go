package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var serviceLineKind = objectKind[api.ServiceLine]{name: "service line", id: func(s api.ServiceLine) int64 { return s.ID }, get: (*api.Client).GetServiceLine}

// NewServiceLineDataSource is the fieldservice_servicetrade_service_line
// data source.
func NewServiceLineDataSource() datasource.DataSource {
	d := lookupSource[serviceLineModel, api.ServiceLine]("service_line", "service line",
		"Looks up one ServiceTrade service line (such as Fire Suppression or HVAC, referenced by lib items, contract rules and quote template items) by `id`, exact `name` or exact `abbreviation`. "+
			"Every service line of the system is searched, not only those your company provides (the API's default). Service lines are read-only in the API. "+
			"Fails when no service line, or more than one, matches: the same name can exist in two trades, so use `abbreviation` or `id` for those.",
		[]sourceKey[api.ServiceLine]{
			{attr: "name", description: "Exact, case-sensitive name of the service line.", of: func(s api.ServiceLine) string { return s.Name }},
			{attr: "abbreviation", description: "Exact, case-sensitive abbreviation of the service line, such as `SUPP` (the API's `abbr`).", of: func(s api.ServiceLine) string { return s.Abbr }},
		},
		map[string]schema.Attribute{
			"trade": kit.ReadOnlyString("General trade of the service line, such as `Fire Protection` (documented by the API as an object but returned as a string; either is read)."),
			"icon":  kit.ReadOnlyString("URL of the service line's icon."),
		})
	// The API filters service lines by trade only: list them all.
	d.Spec = amongAll[serviceLineModel](serviceLineKind, func(c *api.Client, ctx context.Context) ([]api.ServiceLine, error) {
		return c.ListServiceLines(ctx, api.ServiceLineFilter{ShowAll: true})
	})
	d.Set = (*serviceLineModel).fromAPI
	return d
}
