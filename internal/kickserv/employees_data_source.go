package kickserv

import (
	"cmp"
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// NewEmployeesDataSource is the fieldservice_kickserv_employees data source.
func NewEmployeesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, employeesDataModel, api.Employee, employeeDataModel]{
		DataBase:    vendor.DataSource("employees"),
		Description: "Lists the employees of the Kickserv account, across all pages, in employee number order.",
		Filters: map[string]schema.Attribute{
			"active": kit.DataFilterBool("When set, lists only active (`true`) or only inactive (`false`) employees. Omit to list both."),
		},
		Items:   "The employees, in employee number order.",
		Element: employeeDataAttributes(),
		List: func(ctx context.Context, client *api.Client, cfg *employeesDataModel) ([]api.Employee, error) {
			// The filter is applied by the client, whatever the server does
			// with it: the reference documents no filter on the employee
			// list.
			var f api.EmployeeFilter
			if !cfg.Active.IsNull() {
				active := cfg.Active.ValueBool()
				f.Active = &active
			}
			return client.ListEmployees(ctx, f)
		},
		Order: func(a, b api.Employee) int { return cmp.Compare(a.Number, b.Number) },
		Of:    func(m *employeesDataModel) *[]employeeDataModel { return &m.Employees },
		Set:   (*employeeDataModel).fromAPI,
	}
}

type employeesDataModel struct {
	Active    types.Bool          `tfsdk:"active"`
	Employees []employeeDataModel `tfsdk:"employees"`
}
