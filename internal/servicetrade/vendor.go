package servicetrade

import (
	"fmt"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// vendor is ServiceTrade as every type of this package names it and finds
// its client.
var vendor = kit.Vendor[*api.Client]{Name: "ServiceTrade", Prefix: "servicetrade",
	Client: func(d *providerdata.Data) providerdata.Vendor[*api.Client] { return d.ServiceTrade }}

// crudResource is the kit.Resource of a ServiceTrade resource known by its
// numeric id: its Read and Delete come from the client's get and delete of
// the object O, with the model M's mapping.
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

// childType is the Type of a ServiceTrade object that the API addresses
// through its parent (fieldservice_servicetrade_<name>): known by the
// parent's id, held in <parent>_id, and its own, imported as
// "<<parent>_id>/<<noun>_id>" (such as example; a note, when not empty,
// follows it in parentheses in the error of a malformed one) and named
// "<noun> 5 of ServiceTrade <parent> 7" in messages.
func childType(name, parent, noun, example, note string) kit.Type[*api.Client, kit.Child] {
	t := kit.Type[*api.Client, kit.Child]{Vendor: vendor, Name: name}
	kind := t.KindName()
	t.ID = kit.ChildOf(
		kit.Part{Attr: strings.ReplaceAll(parent, " ", "_") + "_id", Parse: func(raw string) (any, error) { return parseID(parent, raw) }},
		kit.Part{Label: noun + "_id", Parse: func(raw string) (any, error) { return parseID(kind, raw) }},
		example, note,
		func(vendor string, k kit.Child) string {
			return fmt.Sprintf("%s %d of %s %s %d", noun, k.ID, vendor, parent, k.Parent)
		})
	return t
}

// parseID reads a ServiceTrade id (an int64) from state or an import id.
func parseID(kind, raw string) (int64, error) {
	return kit.ParseNumber(raw, "a ServiceTrade "+kind+" id", "4294967297")
}

func formatID(id int64) string { return kit.FormatNumber(id) }
