package servicetrade

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// roleList is the ids of the roles of a list answer, and their names.
func roleList(t *testing.T, env map[string]any) (ids []int64, names []string) {
	t.Helper()
	data, _ := env["data"].(map[string]any)
	list, ok := data["roles"].([]any)
	if !ok {
		t.Fatalf("no roles list in %v", env)
	}
	for _, item := range list {
		r, _ := item.(map[string]any)
		id, _ := r["id"].(float64)
		ids = append(ids, int64(id))
		name, _ := r["name"].(string)
		names = append(names, name)
	}
	return ids, names
}

func roleIDByName(t *testing.T, s *Server, name string) int64 {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range sortedKeys(s.access.roles) {
		if s.access.roles[id].Name == name {
			return id
		}
	}
	t.Fatalf("no seeded role %q", name)
	return 0
}

func TestRolesSeededAndReadOnly(t *testing.T) {
	s := New(Options{PageSize: 2})
	tok := token(t, s)
	var all []string
	for page := 1; page <= 3; page++ {
		code, env := call(t, s, tok, http.MethodGet, "/role?page="+strconv.Itoa(page), "")
		if code != http.StatusOK {
			t.Fatalf("GET /role page %d = %d %v", page, code, env)
		}
		_, names := roleList(t, env)
		all = append(all, names...)
	}
	want := []string{AdminRole, DefaultRole, ManagerRole, DuplicateRole, DuplicateRole}
	if fmt.Sprint(all) != fmt.Sprint(want) {
		t.Errorf("roles = %q, want %q", all, want)
	}
	tech := roleIDByName(t, s, DefaultRole)
	code, env := call(t, s, tok, http.MethodGet, "/role/"+strconv.FormatInt(tech, 10), "")
	data, _ := env["data"].(map[string]any)
	if code != http.StatusOK || data["name"] != DefaultRole || data["global"] != true || data["description"] != "Tech for a stand alone account" {
		t.Errorf("GET /role/<tech> = %d %v", code, env)
	}
	if acts, _ := data["activities"].([]any); len(acts) != len(accountTechActivities) {
		t.Errorf("Account Tech activities = %v", data["activities"])
	}
	if code, env := call(t, s, tok, http.MethodGet, "/role/987", ""); code != http.StatusNotFound || errorText(env) != "role 987 not found" {
		t.Errorf("GET /role/987 = %d %v", code, env)
	}
	for _, c := range []struct{ method, path string }{
		{http.MethodPost, "/role"}, {http.MethodPut, "/role"}, {http.MethodDelete, "/role"},
		{http.MethodPut, "/role/" + strconv.FormatInt(tech, 10)}, {http.MethodDelete, "/role/" + strconv.FormatInt(tech, 10)},
		{http.MethodPost, "/user/1/role"}, {http.MethodDelete, "/user/1/role"},
	} {
		if code, _ := call(t, s, tok, c.method, c.path, "{}"); code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s = %d, want 405", c.method, c.path, code)
		}
	}
	if code, _ := call(t, s, "", http.MethodGet, "/role", ""); code != http.StatusUnauthorized {
		t.Errorf("GET /role without credentials = %d, want 401", code)
	}
}

func TestUserRoleAssignments(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	s.mu.Lock()
	u := s.userByUsername("ttech")
	s.mu.Unlock()
	uid := strconv.FormatInt(u.ID, 10)
	tech, manager := roleIDByName(t, s, DefaultRole), roleIDByName(t, s, ManagerRole)
	held := func() []int64 {
		t.Helper()
		code, env := call(t, s, tok, http.MethodGet, "/user/"+uid+"/role", "")
		if code != http.StatusOK {
			t.Fatalf("GET /user/%s/role = %d %v", uid, code, env)
		}
		ids, _ := roleList(t, env)
		code, env = call(t, s, tok, http.MethodGet, "/role?userId="+uid, "")
		if other, _ := roleList(t, env); code != http.StatusOK || fmt.Sprint(other) != fmt.Sprint(ids) {
			t.Errorf("GET /role?userId= = %d %v, want the same roles as /user/{id}/role (%v)", code, other, ids)
		}
		return ids
	}
	// A seeded user holds the default role, which the user shows as id and
	// name.
	if got := held(); fmt.Sprint(got) != fmt.Sprint([]int64{tech}) {
		t.Fatalf("seeded user's roles = %v, want the default role %d", got, tech)
	}
	_, env := call(t, s, tok, http.MethodGet, "/user/"+uid, "")
	data, _ := env["data"].(map[string]any)
	if fmt.Sprint(data["roles"]) != fmt.Sprintf("[map[id:%v name:%s]]", float64(tech), DefaultRole) {
		t.Errorf("user roles = %v", data["roles"])
	}

	assign := "/user/" + uid + "/role/" + strconv.FormatInt(manager, 10)
	if code, env := call(t, s, tok, http.MethodPost, assign, ""); code != http.StatusOK || env["data"] != nil {
		t.Fatalf("POST %s = %d %v, want 200 without data", assign, code, env)
	}
	if got := held(); fmt.Sprint(got) != fmt.Sprint([]int64{tech, manager}) {
		t.Errorf("roles after assigning = %v", got)
	}
	// Assigning a held role again, or unassigning one not held: 400.
	if code, env := call(t, s, tok, http.MethodPost, assign, ""); code != http.StatusBadRequest || errorText(env) != "invalid role" {
		t.Errorf("POST again = %d %v, want 400 invalid role", code, env)
	}
	unassignTech := "/user/" + uid + "/role/" + strconv.FormatInt(tech, 10)
	if code, _ := call(t, s, tok, http.MethodDelete, unassignTech, ""); code != http.StatusOK {
		t.Errorf("DELETE %s = %d", unassignTech, code)
	}
	if code, env := call(t, s, tok, http.MethodDelete, unassignTech, ""); code != http.StatusBadRequest || errorText(env) != "invalid role" {
		t.Errorf("DELETE again = %d %v, want 400 invalid role", code, env)
	}
	if code, _ := call(t, s, tok, http.MethodDelete, assign, ""); code != http.StatusOK {
		t.Errorf("DELETE %s = %d", assign, code)
	}
	if got := held(); len(got) != 0 {
		t.Errorf("roles after unassigning both = %v, want none", got)
	}

	// Unknown user: 404; unknown role: 400; other verbs: 405.
	for _, method := range []string{http.MethodPost, http.MethodDelete} {
		if code, env := call(t, s, tok, method, "/user/987/role/"+strconv.FormatInt(tech, 10), ""); code != http.StatusNotFound || errorText(env) != "user 987 not found" {
			t.Errorf("%s unknown user = %d %v", method, code, env)
		}
		for _, bad := range []string{"987", "abc"} {
			if code, env := call(t, s, tok, method, "/user/"+uid+"/role/"+bad, ""); code != http.StatusBadRequest || errorText(env) != "invalid role" {
				t.Errorf("%s role %s = %d %v, want 400 invalid role", method, bad, code, env)
			}
		}
	}
	for _, method := range []string{http.MethodGet, http.MethodPut} {
		if code, _ := call(t, s, tok, method, assign, "{}"); code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s = %d, want 405", method, assign, code)
		}
	}
	if code, env := call(t, s, tok, http.MethodGet, "/user/987/role", ""); code != http.StatusNotFound || errorText(env) != "user 987 not found" {
		t.Errorf("GET /user/987/role = %d %v", code, env)
	}
	if code, env := call(t, s, tok, http.MethodGet, "/role?userId=987", ""); code != http.StatusOK {
		t.Errorf("GET /role?userId=987 = %d %v, want 200 and an empty list", code, env)
	} else if ids, _ := roleList(t, env); len(ids) != 0 {
		t.Errorf("GET /role?userId=987 = %v, want no roles", ids)
	}
	if code, _ := call(t, s, tok, http.MethodGet, "/role?userId=abc", ""); code != http.StatusBadRequest {
		t.Errorf("GET /role?userId=abc = %d, want 400", code)
	}
}
