package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type userValueListFilter struct {
	UserID types.Int64 `tfsdk:"user_id"`
}

// NewUserValueListResource lists fieldservice_servicetrade_user_value
// objects: the API lists values only within their user.
func NewUserValueListResource() list.ListResource {
	return listResource(NewUserValueResource,
		"Lists the settable values of one ServiceTrade user, to import them (`terraform query`), each shown by its name. "+
			"The read-only values ServiceTrade sets (`lastLogin`, `dismissedWelcome`, `newQuotesUi`), which the resource cannot manage, are left out. "+
			"The API lists user values only within their user.",
		map[string]listschema.Attribute{
			"user_id": kit.FilterParentID("Id of the user whose values are listed."),
		},
		func(ctx context.Context, c *api.Client, f *userValueListFilter, found func(kit.Found) bool) error {
			uid := f.UserID.ValueInt64()
			values, err := c.ListUserValues(ctx, uid)
			if err != nil {
				return err
			}
			for _, v := range values {
				// The import refuses a name the resource cannot manage
				// (read-only, or unknown): such a value is not offered.
				if userValueNameProblem(v.Name) != "" {
					continue
				}
				k := userValueKey{UserID: uid, Name: v.Name}
				if !found(kit.Found{ID: userValueType.ID.Format(k), Name: v.Name}) {
					return nil
				}
			}
			return nil
		})
}
