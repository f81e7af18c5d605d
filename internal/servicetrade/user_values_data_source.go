package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewUserValuesDataSource is the fieldservice_servicetrade_user_values data
// source: every value of one user, for import blocks on CLIs without
// terraform query.
func NewUserValuesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, userValuesModel, api.UserValue, userValueElement]{
		DataBase: vendor.DataSource("user_values"),
		Description: "Lists the values of one ServiceTrade user (preferences and settings such as `disableClock`), including those Terraform does not manage and the read-only ones ServiceTrade sets. " +
			"Use it with `for_each` in `import` blocks, keeping the elements whose `settable` is true, to adopt a user's existing values as `fieldservice_servicetrade_user_value` resources " +
			"(import id `<user_id>/<name>`, the element's `id`).",
		Filters: map[string]schema.Attribute{
			"user_id": kit.DataParentID("Numeric id of the user whose values are listed (the API lists user values only within their user). Fails when the user does not exist."),
		},
		Items: "The user's values, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":       kit.ReadOnlyString("Import id of the value as a `fieldservice_servicetrade_user_value`: `<user_id>/<name>`."),
			"name":     kit.ReadOnlyString("Name of the value, such as `disableClock` or `search-jobs-index`."),
			"value":    kit.ReadOnlyString("The value, as ServiceTrade stores it (always a string)."),
			"value_id": kit.ReadOnlyInt64("ServiceTrade's numeric id of the value."),
			"uri":      kit.ReadOnlyString("Absolute API URI of the value."),
			"settable": kit.ReadOnlyBool("Whether `fieldservice_servicetrade_user_value` can manage this value: false for the read-only values ServiceTrade sets (`lastLogin`, `dismissedWelcome`, `newQuotesUi`) and for names it does not document as settable."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *userValuesModel) ([]api.UserValue, error) {
			return listOfUser(ctx, cfg.UserID.ValueInt64(), client.ListUserValues)
		},
		Of:  func(m *userValuesModel) *[]userValueElement { return &m.Values },
		Set: (*userValueElement).fromAPI,
	}
}

type userValuesModel struct {
	UserID types.Int64        `tfsdk:"user_id"`
	Values []userValueElement `tfsdk:"user_values"`
}

// userValueElement is one listed value: the resource's state, less the
// user id the filter gives, and whether the resource can manage it.
type userValueElement struct {
	ID       types.String `tfsdk:"id"`
	Name     types.String `tfsdk:"name"`
	Value    types.String `tfsdk:"value"`
	ValueID  types.Int64  `tfsdk:"value_id"`
	URI      types.String `tfsdk:"uri"`
	Settable types.Bool   `tfsdk:"settable"`
}

func (e *userValueElement) fromAPI(v *api.UserValue) {
	var m userValueModel
	m.fromAPI(v)
	e.ID, e.Name, e.Value, e.ValueID, e.URI = m.ID, m.Name, m.Value, m.ValueID, m.URI
	e.Settable = types.BoolValue(userValueNameProblem(v.Name) == "")
}
