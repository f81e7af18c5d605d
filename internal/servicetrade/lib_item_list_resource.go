package servicetrade

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type libItemListFilter struct {
	Name   types.String `tfsdk:"name"`
	Type   types.String `tfsdk:"type"`
	Active types.Bool   `tfsdk:"active"`
}

// NewLibItemListResource lists fieldservice_servicetrade_lib_item objects.
// Every filter is ServiceTrade's own: the API lists either active or
// inactive items, so active picks one side, and unset keeps its default
// (active), which is what an account being adopted uses; destroyed items
// are inactive ones.
func NewLibItemListResource() list.ListResource {
	return listResource(NewLibItemResource,
		"Lists the lib items (price-book parts, labor, services, fees...) of the ServiceTrade account, to import them (`terraform query`): "+
			"active items unless `active = false`, of every type unless `type` narrows them. Like the API, it lists global items and those "+
			"specific to your own company, not those specific to other companies.",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only items whose name contains this text (ServiceTrade's own filter; its reference does not say whether case matters). Unset: every name."),
			"type": kit.FilterOneOf("Only items of this type, one of `"+strings.Join(api.LibItemTypes, "`, `")+"` (ServiceTrade's own filter). Unset: every type.", api.LibItemTypes...),
			"active": kit.FilterBool("`true`, or unset (ServiceTrade's default), lists active items only; `false` lists inactive items only " +
				"(those destroyed through Terraform, which ServiceTrade can only deactivate, or retired). The API lists one or the other: " +
				"use two list blocks for both."),
		},
		func(ctx context.Context, c *api.Client, f *libItemListFilter, found func(kit.Found) bool) error {
			items, err := c.ListLibItems(ctx, api.LibItemFilter{Name: f.Name.ValueString(), Type: f.Type.ValueString(), Active: f.Active.ValueBoolPointer()})
			return kit.Each(items, err, found, func(li api.LibItem) kit.Found { return numberedFound(li.ID, li.Name) })
		})
}
