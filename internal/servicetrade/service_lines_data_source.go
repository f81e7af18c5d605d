package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewServiceLinesDataSource is the fieldservice_servicetrade_service_lines
// data source.
func NewServiceLinesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, serviceLinesModel, api.ServiceLine, serviceLineModel]{
		DataBase: vendor.DataSource("service_lines"),
		Description: "Lists ServiceTrade service lines (such as Fire Suppression or HVAC, referenced by lib items, contract rules, service templates and users), " +
			"optionally filtered by trade. Like the API, it lists only the service lines your company provides unless `show_all = true` asks for every " +
			"service line of the system. Service lines are read-only in the API: use the list to look up ids, for instance in a `for` expression keyed by abbreviation.",
		Filters: map[string]schema.Attribute{
			"trade_name": kit.DataFilterString("Keep only the service lines whose trade contains this text, case-insensitively (ServiceTrade's `tradeName` filter: "+
				"`fire` keeps the `Fire Protection` lines). Omit for every trade.", stringvalidator.LengthAtLeast(1)),
			"show_all": kit.DataFilterBool("`true` lists every service line of the system; `false` or omitted (ServiceTrade's default) lists only those your company provides. " +
				"The `fieldservice_servicetrade_service_line` data source always searches every service line."),
		},
		Items: "The matching service lines, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":           kit.ReadOnlyString("Numeric id of the service line (the `service_line_id` of lib items, contract rules and service templates)."),
			"name":         kit.ReadOnlyString("Name of the service line. Not unique: the same name can exist in two trades."),
			"abbreviation": kit.ReadOnlyString("Abbreviation of the service line, such as `SUPP` (the API's `abbr`)."),
			"trade":        kit.ReadOnlyString("General trade of the service line, such as `Fire Protection` (documented by the API as an object but returned as a string; either is read)."),
			"icon":         kit.ReadOnlyString("URL of the service line's icon."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *serviceLinesModel) ([]api.ServiceLine, error) {
			return client.ListServiceLines(ctx, api.ServiceLineFilter{TradeName: cfg.TradeName.ValueString(), ShowAll: cfg.ShowAll.ValueBool()})
		},
		Of:  func(m *serviceLinesModel) *[]serviceLineModel { return &m.ServiceLines },
		Set: (*serviceLineModel).fromAPI,
	}
}

type serviceLinesModel struct {
	TradeName    types.String       `tfsdk:"trade_name"`
	ShowAll      types.Bool         `tfsdk:"show_all"`
	ServiceLines []serviceLineModel `tfsdk:"service_lines"`
}
