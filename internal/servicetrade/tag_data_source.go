package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var tagKind = objectKind[api.Tag]{name: "tag", id: func(t api.Tag) int64 { return t.ID }, get: (*api.Client).GetTag}

// NewTagDataSource is the fieldservice_servicetrade_tag data source.
func NewTagDataSource() datasource.DataSource {
	d := lookupSource[tagModel, api.Tag]("tag", "tag",
		"Looks up one ServiceTrade tag by `id` or by `name` (the whole name, ignoring case). "+
			"Fails when no tag has that name, or when several do (possible only if ServiceTrade keeps names differing in case apart).",
		[]sourceKey[api.Tag]{{attr: "name", description: "Name of the tag, compared whole and ignoring case; the tag's own spelling is reported.", of: func(t api.Tag) string { return t.Name }, ignoreCase: true}},
		map[string]schema.Attribute{
			"uri": kit.ReadOnlyString("Absolute API URI of the tag."),
		})
	// Every tag is listed and the whole name matched here: the API's name
	// filter is a substring match whose handling of case is not
	// documented for tags.
	d.Spec = amongAll[tagModel](tagKind, func(c *api.Client, ctx context.Context) ([]api.Tag, error) { return c.ListTags(ctx, api.TagFilter{}) })
	d.Set = (*tagModel).fromAPI
	return d
}
