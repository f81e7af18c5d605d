package kimoby

import (
	"fmt"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// vendor is Kimoby as every type of this package names it and finds its
// client.
var vendor = kit.Vendor[*api.Client]{Name: "Kimoby", Prefix: "kimoby",
	Client: func(d *providerdata.Data) providerdata.Vendor[*api.Client] { return d.Kimoby }}

// crudResource is the kit.Resource of a Kimoby resource known by its
// string id: its Read and Delete come from the client's get and delete of
// the object O, with the model M's mapping.
type crudResource[M, O any] = kit.Resource[*api.Client, string, M, O]

// webhookType is fieldservice_kimoby_webhook, with allow_duplicate, which
// concerns only the provider.
var webhookType = kit.Type[*api.Client, string]{Vendor: vendor, Name: "webhook",
	ID:           kit.Plain(webhookID, func(id string) string { return id }),
	ProviderSide: kit.Defaults(kit.AllowDuplicateDefault)}

// webhookID refuses ids that cannot be Kimoby ids (documented as "Unique
// string identifier", such as "WH487d9d59d5511879e2eda871b5cac50c"). Only
// the obviously wrong is refused: the exact format is not documented.
func webhookID(raw string) (string, error) {
	if raw == "" || strings.ContainsAny(raw, "/ \t\r\n?#") {
		return "", fmt.Errorf("a Kimoby webhook id is a string such as \"WH487d9d59d5511879e2eda871b5cac50c\", got %q", raw)
	}
	return raw, nil
}
