package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewExternalSystemsDataSource is the
// fieldservice_servicetrade_external_systems data source.
func NewExternalSystemsDataSource() datasource.DataSource {
	return &externalSystemsDataSource{dataBase: vendor.DataSource("external_systems")}
}

type externalSystemsDataSource struct{ dataBase }

// externalSystemsModel is the data source's state. The list is a slice of
// the element model, so that its type is the one the schema declares.
type externalSystemsModel struct {
	ExternalSystems []externalSystemDataModel `tfsdk:"external_systems"`
}

func (d *externalSystemsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := externalSystemDataAttributes()
	attrs["id"] = schema.StringAttribute{Computed: true, Description: "Numeric id of the external system (an import id of `fieldservice_servicetrade_external_system`)."}
	attrs["name"] = schema.StringAttribute{Computed: true, Description: "Name (key) of the external system, also accepted as import id."}
	resp.Schema = schema.Schema{
		Description: "Lists every ServiceTrade external system of the account, including those Terraform did not create: " +
			"use it with `for_each` in `import` blocks to adopt an existing account.",
		Attributes: map[string]schema.Attribute{
			"external_systems": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The external systems, in ServiceTrade's order (by id).",
				NestedObject: schema.NestedAttributeObject{Attributes: attrs},
			},
		},
	}
}

func (d *externalSystemsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	kit.ListAll(ctx, &d.dataBase, req, resp, "external systems",
		func(ctx context.Context, client *api.Client, _ *externalSystemsModel) ([]api.ExternalSystem, error) {
			return client.ListExternalSystems(ctx)
		},
		func(m *externalSystemsModel) *[]externalSystemDataModel { return &m.ExternalSystems },
		func(e *externalSystemDataModel, es *api.ExternalSystem) { resp.Diagnostics.Append(e.fromAPI(es)...) })
}
