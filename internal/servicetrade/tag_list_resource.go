package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type tagListFilter struct {
	Name types.String `tfsdk:"name"`
}

// NewTagListResource lists fieldservice_servicetrade_tag objects.
func NewTagListResource() list.ListResource {
	return listResource(NewTagResource,
		"Lists the tags of the ServiceTrade account, every one or those whose name contains `name`, to import them (`terraform query`).",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only tags whose name contains this text, ignoring case (ServiceTrade's own filter). Unset: every tag."),
		},
		func(ctx context.Context, c *api.Client, f *tagListFilter, found func(kit.Found) bool) error {
			tags, err := c.ListTags(ctx, api.TagFilter{Name: f.Name.ValueString()})
			return kit.Each(tags, err, found, func(t api.Tag) kit.Found { return numberedFound(t.ID, t.Name) })
		})
}
