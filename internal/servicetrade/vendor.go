package servicetrade

import (
	"fmt"
	"strconv"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// vendor is ServiceTrade as every type of this package names it and finds
// its client.
var vendor = kit.Vendor[*api.Client]{Name: "ServiceTrade", Prefix: "servicetrade",
	Client: func(d *providerdata.Data) providerdata.Vendor[*api.Client] { return d.ServiceTrade }}

// resourceBase is the kit.Base of a ServiceTrade resource known by its
// numeric id.
type resourceBase = kit.Base[*api.Client, int64]

// crudResource is the kit.Resource of such a resource: its Read and Delete
// come from the client's get and delete of the object O, with the model
// M's mapping.
type crudResource[M, O any] = kit.Resource[*api.Client, int64, M, O]

// childResource is the kit.Resource of a ServiceTrade object known by its
// parent and its own id (a contract rule, a quote template item): its Read
// and Delete come from get and delete functions taking the kit.Child key.
type childResource[M, O any] = kit.Resource[*api.Client, kit.Child, M, O]

// numbered is the Type of a ServiceTrade resource known by its numeric id
// (fieldservice_servicetrade_<name>), with its provider-side attributes.
func numbered(name string, providerSide ...kit.Attribute) kit.Type[*api.Client, int64] {
	t := kit.Type[*api.Client, int64]{Vendor: vendor, Name: name, ProviderSide: kit.Defaults(providerSide...)}
	t.ID = kit.Plain(func(raw string) (int64, error) { return parseID(t.KindName(), raw) }, formatID)
	return t
}

// parseID reads a ServiceTrade id (an int64) from state or an import id.
func parseID(kind, raw string) (int64, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("a ServiceTrade %s id is a positive whole number such as 4294967297, got %q", kind, raw)
	}
	return id, nil
}

func formatID(id int64) string { return strconv.FormatInt(id, 10) }
