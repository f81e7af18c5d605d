package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// externalSystemListFilter is empty: GET /externalsystem documents no
// query parameter.
type externalSystemListFilter struct{}

// NewExternalSystemListResource lists fieldservice_servicetrade_external_system
// objects, each shown by its label, the display name ServiceTrade shows.
func NewExternalSystemListResource() list.ListResource {
	return listResource(NewExternalSystemResource,
		"Lists every external system of the ServiceTrade account, each shown by its label (its display name), to import them (`terraform query`). "+
			"The API's external system list takes no filter, so neither does this list.",
		map[string]listschema.Attribute{},
		func(ctx context.Context, c *api.Client, _ *externalSystemListFilter, found func(kit.Found) bool) error {
			systems, err := c.ListExternalSystems(ctx)
			return kit.Each(systems, err, found, func(s api.ExternalSystem) kit.Found { return numberedFound(s.ID, s.Label) })
		})
}
