package kickserv

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

type employeeListFilter struct {
	Name   types.String `tfsdk:"name"`
	Active types.Bool   `tfsdk:"active"`
}

// NewEmployeeListResource lists fieldservice_kickserv_employee objects.
func NewEmployeeListResource() list.ListResource {
	return kit.NewListResource(kit.ListResource[*api.Client, employeeListFilter]{
		Vendor: vendor, Resource: NewEmployeeResource,
		Description: "Lists the employees of the Kickserv account, in employee number order, to import them (`terraform query`): " +
			"the active ones unless `active = false`, narrowed by `name`. Each is shown by its name. " +
			"Passwords are never listed (Kickserv does not return them).",
		Filter: map[string]listschema.Attribute{
			"name": kit.FilterString("Only employees whose name contains this text, ignoring case. " +
				"Kickserv documents no filter on its employee list, so the provider filters the whole list. Unset: any name."),
			// Active only by default: Kickserv cannot delete employees, so
			// the inactive ones are mostly those a destroy retired, which
			// an adoption of the account should not bring back unasked.
			"active": kit.FilterBool("Unset or `true`: only active employees. `false`: only inactive ones, which include every employee a destroy made inactive " +
				"(Kickserv cannot delete employees). To list both, use one list block of each. The provider applies this filter itself, " +
				"since Kickserv documents none on its employee list."),
		},
		Find: func(ctx context.Context, c *api.Client, f *employeeListFilter, found func(kit.Found) bool) error {
			active := f.Active.IsNull() || f.Active.ValueBool()
			employees, err := c.ListEmployees(ctx, api.EmployeeFilter{Active: &active})
			if err == nil {
				part := strings.ToLower(f.Name.ValueString())
				employees = slices.DeleteFunc(employees, func(e api.Employee) bool { return !strings.Contains(strings.ToLower(e.Name), part) })
				slices.SortFunc(employees, func(a, b api.Employee) int { return cmp.Compare(a.Number, b.Number) })
			}
			return kit.Each(employees, err, found, func(e api.Employee) kit.Found { return kit.Found{ID: formatNumber(e.Number), Name: e.Name} })
		},
	})()
}
