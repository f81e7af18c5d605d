package servicetrade

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type externalIDListFilter struct {
	EntityType types.String `tfsdk:"entity_type"`
	EntityID   types.Int64  `tfsdk:"entity_id"`
}

// NewExternalIDListResource lists fieldservice_servicetrade_external_id
// objects: the API lists the values of one entity (GET
// /externalid/{entityType}/{entityId}), never those of a type or a system
// (GET /externalid/{entityType} answers 405).
func NewExternalIDListResource() list.ListResource {
	return listResource(NewExternalIDResource,
		"Lists the external ids of one ServiceTrade entity, one per external system that has a value for it, to import them (`terraform query`), "+
			"each shown by the external system's name. The API lists external ids only within their entity.",
		map[string]listschema.Attribute{
			"entity_type": listschema.StringAttribute{
				Required:    true,
				Description: "Type of the entity whose external ids are listed: one of `" + strings.Join(api.ExternalIDEntityTypes, "`, `") + "`.",
				Validators:  []validator.String{stringvalidator.OneOf(api.ExternalIDEntityTypes...)},
			},
			"entity_id": kit.FilterParentID("Numeric id of the entity whose external ids are listed."),
		},
		func(ctx context.Context, c *api.Client, f *externalIDListFilter, found func(kit.Found) bool) error {
			typ, id := f.EntityType.ValueString(), f.EntityID.ValueInt64()
			values, err := c.ListExternalIDs(ctx, typ, id)
			if api.IsNotFound(err) {
				return fmt.Errorf("%w\n\nServiceTrade %s %d does not exist: entity_type and entity_id must name an existing object", err, typ, id)
			}
			if err != nil {
				return err
			}
			// The API answers an object by system name: sorted, for a
			// stable order.
			systems := make([]string, 0, len(values))
			for system := range values {
				systems = append(systems, system)
			}
			slices.Sort(systems)
			for _, system := range systems {
				k := externalIDKey{First: typ, Second: id, Third: system}
				if !found(kit.Found{ID: kit.FormatTriple(k), Name: system}) {
					return nil
				}
			}
			return nil
		})
}
