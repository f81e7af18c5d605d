package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewActivitiesDataSource is the fieldservice_servicetrade_activities data
// source.
func NewActivitiesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, activitiesModel, api.Activity, activityModel]{
		DataBase: vendor.DataSource("activities"),
		Description: "Lists the ServiceTrade activities: the permissions, such as `job.manage`, that roles grant " +
			"(a role's `activities` are their ids). Activities are read-only in the API.",
		Items: "The activities, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":          kit.ReadOnlyString("Id of the activity, such as `job.manage`, as a role's `activities` name it."),
			"name":        kit.ReadOnlyString("Name of the activity, such as `Manage Jobs`."),
			"description": kit.ReadOnlyString("What the activity allows."),
		},
		All: (*api.Client).ListActivities,
		Of:  func(m *activitiesModel) *[]activityModel { return &m.Activities },
		Set: (*activityModel).fromAPI,
	}
}

type activitiesModel struct {
	Activities []activityModel `tfsdk:"activities"`
}

type activityModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

func (m *activityModel) fromAPI(a *api.Activity) {
	*m = activityModel{ID: types.StringValue(a.ID), Name: types.StringValue(a.Name), Description: types.StringValue(a.Description)}
}
