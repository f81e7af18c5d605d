package kickserv

import (
	"fmt"
	"strconv"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// vendor is Kickserv as every type of this package names it and finds its
// client.
var vendor = kit.Vendor[*api.Client]{Name: "Kickserv", Prefix: "kickserv",
	Client: func(d *providerdata.Data) providerdata.Vendor[*api.Client] { return d.Kickserv }}

// resourceBase is the kit.Base of a Kickserv resource known by a number.
type resourceBase = kit.Base[*api.Client, int64]

// crudResource is the kit.Resource of such a resource: its Read (and its
// Delete, unless the resource writes its own) come from the client's get
// and delete of the object O, with the model M's mapping.
type crudResource[M, O any] = kit.Resource[*api.Client, int64, M, O]

// employeeType is fieldservice_kickserv_employee, known by its employee
// number. Kickserv cannot delete employees: destroying one makes it
// inactive, and it keeps its username.
var employeeType = kit.Type[*api.Client, int64]{Vendor: vendor, Name: "employee", ID: kit.Plain(parseNumber, formatNumber),
	Deleting: "Deactivating", KeepsKey: true}

// parseNumber reads an employee number (the URL key, and the Terraform id)
// from state or an import id.
func parseNumber(raw string) (int64, error) {
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("a Kickserv employee number is a positive whole number such as 12 (the number in the employee's URL, not the internal employee id), got %q", raw)
	}
	return n, nil
}

func formatNumber(n int64) string { return strconv.FormatInt(n, 10) }

// dataBase is the kit.DataBase of a Kickserv data source.
type dataBase = kit.DataBase[*api.Client]
