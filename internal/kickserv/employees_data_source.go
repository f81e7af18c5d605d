package kickserv

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// NewEmployeesDataSource is the fieldservice_kickserv_employees data source.
func NewEmployeesDataSource() datasource.DataSource {
	return &employeesDataSource{vendor.DataSource("employees")}
}

type employeesDataSource struct{ dataBase }

type employeesDataModel struct {
	Active    types.Bool          `tfsdk:"active"`
	Employees []employeeDataModel `tfsdk:"employees"`
}

func (d *employeesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the employees of the Kickserv account, across all pages, in employee number order.",
		Attributes: map[string]schema.Attribute{
			"active": schema.BoolAttribute{
				Optional:    true,
				Description: "When set, lists only active (`true`) or only inactive (`false`) employees. Omit to list both.",
			},
			"employees": schema.ListNestedAttribute{
				Computed:     true,
				Description:  "The employees, in employee number order.",
				NestedObject: schema.NestedAttributeObject{Attributes: employeeDataAttributes()},
			},
		},
	}
}

func (d *employeesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	kit.ListAll(ctx, &d.dataBase, req, resp, "employees",
		func(ctx context.Context, client *api.Client, cfg *employeesDataModel) ([]api.Employee, error) {
			// The filter is applied by the client, whatever the server does
			// with it: the reference documents no filter on the employee
			// list.
			var f api.EmployeeFilter
			if !cfg.Active.IsNull() {
				active := cfg.Active.ValueBool()
				f.Active = &active
			}
			all, err := client.ListEmployees(ctx, f)
			sort.SliceStable(all, func(i, j int) bool { return all[i].Number < all[j].Number })
			return all, err
		},
		func(m *employeesDataModel) *[]employeeDataModel { return &m.Employees }, (*employeeDataModel).fromAPI)
}
