package kickserv

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

// NewEmployeesDataSource is the fieldservice_kickserv_employees data source.
func NewEmployeesDataSource() datasource.DataSource {
	return &employeesDataSource{dataBase{Type: dataType("employees")}}
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
	client, ok := d.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	var cfg employeesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The filter is applied by the client, whatever the server does with
	// it: the reference documents no filter on the employee list.
	var f api.EmployeeFilter
	if !cfg.Active.IsNull() {
		active := cfg.Active.ValueBool()
		f.Active = &active
	}
	all, err := client.ListEmployees(ctx, f)
	if err != nil {
		resp.Diagnostics.AddError("Listing Kickserv employees failed", err.Error())
		return
	}
	state := employeesDataModel{Active: cfg.Active, Employees: make([]employeeDataModel, len(all))}
	for i := range all {
		state.Employees[i].fromAPI(&all[i])
	}
	sortByNumber(state.Employees)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func sortByNumber(list []employeeDataModel) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].EmployeeNumber.ValueInt64() < list[j].EmployeeNumber.ValueInt64() })
}
