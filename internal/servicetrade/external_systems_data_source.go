package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NewExternalSystemsDataSource is the
// fieldservice_servicetrade_external_systems data source.
func NewExternalSystemsDataSource() datasource.DataSource { return &externalSystemsDataSource{} }

type externalSystemsDataSource struct{ dsBase }

type externalSystemsModel struct {
	ExternalSystems types.List `tfsdk:"external_systems"`
}

func (d *externalSystemsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_external_systems"
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

func (d *externalSystemsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, ok := d.client(&resp.Diagnostics)
	if !ok {
		return
	}
	list, err := client.ListExternalSystems(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Listing ServiceTrade external systems failed", err.Error())
		return
	}
	items := make([]attr.Value, 0, len(list))
	for i := range list {
		var m externalSystemDataModel
		resp.Diagnostics.Append(m.fromAPI(&list[i])...)
		obj, diags := types.ObjectValueFrom(ctx, externalSystemAttrTypes, m)
		resp.Diagnostics.Append(diags...)
		items = append(items, obj)
	}
	systems, diags := types.ListValue(types.ObjectType{AttrTypes: externalSystemAttrTypes}, items)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &externalSystemsModel{ExternalSystems: systems})...)
}
