package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// lostPerson is the isolated account of a people test: the company and
// office new users join, a user of its own (made through the API) for the
// roles and values, and a role that user does not hold.
type lostPerson struct {
	company, office, user, role int64
}

func newLostPerson(t *testing.T, c *api.Client) lostPerson {
	t.Helper()
	var p lostPerson
	p.company, p.office = acctest.ServiceTradeHome(t, c)
	p.user = acctest.NewServiceTradeUser(t, c, "lost")
	_, p.role, _ = acctest.ServiceTradeRoles(t, c, p.user)
	return p
}

// Tags, users, the roles users hold and their values are each unique by a
// key ServiceTrade keeps (a tag's name; a username; a role is held once; a
// user has one value of a name). When the answer to their create is lost,
// the object that request made is recorded: exactly one exists, the state
// has it, the request is not sent again, and the next plan is empty.
func TestAccServiceTrade_lostCreateAnswerIsAdopted(t *testing.T) {
	ctx := context.Background()
	username := tfUserName("lostuser")
	valueName := searchValueName("lost")
	cases := []struct {
		name, path, post, addr string
		config                 func(p lostPerson) string
		// made is the import ids of the objects matching the
		// configuration, through the API.
		made func(l *lostCreate, p lostPerson) ([]string, error)
	}{
		{
			name: "tag", path: "/tag", post: `^/tag$`, addr: "fieldservice_servicetrade_tag.lost",
			config: func(lostPerson) string {
				return `
resource "fieldservice_servicetrade_tag" "lost" {
  name = "Lost Answer Tag"
}
`
			},
			made: func(l *lostCreate, _ lostPerson) ([]string, error) {
				list, err := l.client.TagsNamed(ctx, "Lost Answer Tag")
				return keepIDs(list, err, func(tg api.Tag) (string, bool) { return fmt.Sprint(tg.ID), true })
			},
		},
		{
			name: "user", path: "/user", post: `^/user$`, addr: "fieldservice_servicetrade_user.lost",
			config: func(p lostPerson) string {
				return tfUserBlock("lost", username, tfUserHome{company: p.company, office: p.office}, `password = "tribbles123"`)
			},
			made: func(l *lostCreate, _ lostPerson) ([]string, error) {
				list, err := l.client.ListUsers(ctx, api.UserFilter{Statuses: []string{api.UserActive, api.UserPending, api.UserInactive}})
				return keepIDs(list, err, func(u api.User) (string, bool) {
					return fmt.Sprint(u.ID), strings.EqualFold(u.Username, username)
				})
			},
		},
		{
			name: "user role", path: "/user/", post: `^/user/\d+/role/\d+$`, addr: "fieldservice_servicetrade_user_role.lost",
			config: func(p lostPerson) string {
				return fmt.Sprintf(`
resource "fieldservice_servicetrade_user_role" "lost" {
  user_id = %d
  role_id = %d
}
`, p.user, p.role)
			},
			made: func(l *lostCreate, p lostPerson) ([]string, error) {
				held, err := l.client.ListUserRoles(ctx, p.user)
				return keepIDs(held, err, func(r api.Role) (string, bool) {
					return fmt.Sprintf("%d/%d", p.user, r.ID), r.ID == p.role
				})
			},
		},
		{
			name: "user value", path: "/user/", post: `^/user/\d+/value$`, addr: "fieldservice_servicetrade_user_value.lost",
			config: func(p lostPerson) string {
				return fmt.Sprintf(`
resource "fieldservice_servicetrade_user_value" "lost" {
  user_id = %d
  name    = %q
  value   = jsonencode({ status = "open" })
}
`, p.user, valueName)
			},
			made: func(l *lostCreate, p lostPerson) ([]string, error) {
				values, err := l.client.ListUserValues(ctx, p.user)
				return keepIDs(values, err, func(v api.UserValue) (string, bool) {
					return fmt.Sprintf("%d/%s", p.user, v.Name), v.Name == valueName
				})
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newLostCreate(t, tc.path)
			p := newLostPerson(t, l.client)
			cfg := l.config(tc.config(p))
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{
					{
						PreConfig: l.dropNextAnswer,
						Config:    cfg,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: func(s *terraform.State) error {
							if err := l.fired(); err != nil {
								return err
							}
							found, err := tc.made(l, p)
							if err != nil {
								return err
							}
							if len(found) != 1 {
								return fmt.Errorf("%d objects match the configuration (%v), want exactly 1", len(found), found)
							}
							rs := s.RootModule().Resources[tc.addr]
							if rs == nil || rs.Primary.ID != found[0] {
								return fmt.Errorf("state %v, want %s", rs, found[0])
							}
							if n := l.front.Count(http.MethodPost, tc.post); n != 1 {
								return fmt.Errorf("%d POSTs matching %s, want 1 (the lost one, not sent again)", n, tc.post)
							}
							return nil
						},
					},
				},
			})
		})
	}
}
