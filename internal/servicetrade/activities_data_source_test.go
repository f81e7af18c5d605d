package servicetrade_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

func TestAccActivitiesDataSource_list(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded activities
	const activities dataSource = "fieldservice_servicetrade_activities"
	const ds = "data.fieldservice_servicetrade_activities.all"
	lookupTable{cases: []lookupCase{
		{
			name:   "every activity",
			config: activities.block("all"),
			check: resource.ComposeAggregateTestCheckFunc(
				checkListElem(ds, "activities", "id", "job.manage", map[string]string{
					"name":        "Manage Jobs",
					"description": "Manage defining, assigning, canceling, and copying jobs, and modifying their job items",
				}),
				checkListElem(ds, "activities", "id", "quote.export", map[string]string{"name": "Bulk Export Quote Data"}),
				// The activities the roles grant are listed too.
				checkListElem(ds, "activities", "id", "job.tech", map[string]string{}),
			),
		},
	}}.run(t)
}
