package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTagsDataSource is the fieldservice_servicetrade_tags data source.
func NewTagsDataSource() datasource.DataSource {
	return &kit.List[*api.Client, tagsModel, api.Tag, tagModel]{
		DataBase: vendor.DataSource("tags"),
		Description: "Lists the ServiceTrade tags of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account's tags.",
		Filters: nameFilter("tags"),
		Items:   "The matching tags, in ServiceTrade's order (by id).",
		Element: map[string]schema.Attribute{
			"id":   kit.ReadOnlyString("Numeric id of the tag (the import id of `fieldservice_servicetrade_tag`)."),
			"uri":  kit.ReadOnlyString("Absolute API URI of the tag."),
			"name": kit.ReadOnlyString("Name of the tag."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *tagsModel) ([]api.Tag, error) {
			return client.ListTags(ctx, api.TagFilter{Name: cfg.Name.ValueString()})
		},
		Of:  func(m *tagsModel) *[]tagModel { return &m.Tags },
		Set: (*tagModel).fromAPI,
	}
}

type tagsModel struct {
	Name types.String `tfsdk:"name"`
	Tags []tagModel   `tfsdk:"tags"`
}
