package servicetrade_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The plural users data source lists active users by default, the users of
// one status or all of them on request, with the resource's values.
func TestAccUsersDataSource_list(t *testing.T) {
	preCheck(t)
	h := tfUserHomeOf(t)
	name := tfUserName("dsuser")
	res := tfUserBlock("active", name+"_a", h, `password = "tribbles123"`, `details = "On call"`) +
		tfUserBlock("pending", name+"_p", h, `password = "tribbles123"`, `status = "pending"`) +
		tfUserBlock("retired", name+"_r", h, `password = "tribbles123"`, `status = "inactive"`)
	const (
		def      = "data.fieldservice_servicetrade_users.default"
		all      = "data.fieldservice_servicetrade_users.all"
		inactive = "data.fieldservice_servicetrade_users.inactive"
		pending  = "data.fieldservice_servicetrade_users.pending"
		r        = "fieldservice_servicetrade_user."
	)
	ids := map[string]string{}
	var idList []string
	fields := []string{"username", "email", "name", "first_name", "last_name", "status", "phone", "timezone", "is_sales", "is_tech", "is_helper",
		"company_id", "location_id", "uri", "details", "created", "role_ids.#", "service_line_ids.#"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkUsersDeactivated(t, &idList)(s)
		},
		Steps: []resource.TestStep{
			{Config: res, Check: acctest.CaptureAll("fieldservice_servicetrade_user", "id", ids)},
			{
				Config: res + `
data "fieldservice_servicetrade_users" "default" {}
data "fieldservice_servicetrade_users" "all" {
  status = "all"
}
data "fieldservice_servicetrade_users" "inactive" {
  status = "inactive"
}
data "fieldservice_servicetrade_users" "pending" {
  status = "pending"
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkListHasResource(def, "users", r+"active", fields...),
					notInList(def, "users", r+"pending"),
					notInList(def, "users", r+"retired"),
					checkListHasResource(all, "users", r+"active", "username", "status"),
					checkListHasResource(all, "users", r+"pending", "username", "status"),
					checkListHasResource(all, "users", r+"retired", "username", "status"),
					checkListHasResource(inactive, "users", r+"retired", fields...),
					notInList(inactive, "users", r+"active"),
					checkListHasResource(pending, "users", r+"pending", "username", "status"),
					notInList(pending, "users", r+"retired"),
					checkListElem(def, "users", "username", name+"_a", map[string]string{"details": "On call", "status": "active", "phone": ""}),
				),
			},
			{Config: res},
		},
	})
}

// Every documented constraint of the plural data source fails at plan time.
func TestAccUsersDataSource_validation(t *testing.T) {
	preCheck(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      `data "fieldservice_servicetrade_users" "x" { status = "shadow" }`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Attribute status value must be one of: ["active" "pending" "inactive" "all"], got: "shadow"`),
			},
		},
	})
}
