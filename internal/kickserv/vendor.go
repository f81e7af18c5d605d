package kickserv

import (
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// vendor is Kickserv as every type of this package names it and finds its
// client.
var vendor = kit.Vendor[*api.Client]{Name: "Kickserv", Prefix: "kickserv",
	Client: func(d *providerdata.Data) providerdata.Vendor[*api.Client] { return d.Kickserv }}

// crudResource is the kit.Resource of a Kickserv resource known by a
// number: its Read and Delete come from the client's get of the object O,
// with the model M's mapping, and its delete (or deactivation).
type crudResource[M, O any] = kit.Resource[*api.Client, int64, M, O]

// employeeType is fieldservice_kickserv_employee, known by its employee
// number (the URL key, and the Terraform id). Kickserv cannot delete
// employees: destroying one makes it inactive, and it keeps its username.
var employeeType = kit.Type[*api.Client, int64]{Vendor: vendor, Name: "employee",
	ID:       kit.Number("a Kickserv employee number", "12 (the number in the employee's URL, not the internal employee id)"),
	Deleting: "Deactivating", KeepsKey: true}

func formatNumber(n int64) string { return kit.FormatNumber(n) }
