package servicetrade

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// ListResources lists the ServiceTrade list resources (Terraform 1.14's
// `terraform query`), one per resource whose objects the API can list.
func ListResources() []func() list.ListResource {
	return slices.Concat(
		kit.Of(NewRegionListResource, NewContractRuleListResource),
		listResourcesHooks(), listResourcesTemplates(), listResourcesCatalogue(), listResourcesPeople(),
	)
}

// listResource is the list resource of the ServiceTrade resource res: its
// description, the schema of its filter F and its search.
func listResource[F any](res func() resource.Resource, description string, filter map[string]listschema.Attribute,
	find func(ctx context.Context, c *api.Client, f *F, found func(kit.Found) bool) error) list.ListResource {
	return kit.NewListResource(kit.ListResource[*api.Client, F]{Vendor: vendor, Resource: res, Description: description, Filter: filter, Find: find})()
}

// numberedFound is the kit.Found of an object known by its numeric id.
func numberedFound(id int64, name string) kit.Found { return kit.Found{ID: formatID(id), Name: name} }

// childFound is the kit.Found of an object known by its parent's id and
// its own ("7/12").
func childFound(parent, id int64, name string) kit.Found {
	return kit.Found{ID: formatID(parent) + "/" + formatID(id), Name: name}
}
