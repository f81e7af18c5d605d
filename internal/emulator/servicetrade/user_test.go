package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// POST /user needs the documented fields, checks the password rule and
// the username's uniqueness (ignoring case, inactive users included), and
// never shows a password; PUT takes everything but the username and resets
// what it leaves out of status, isSales, serviceLineIds and timezone;
// DELETE is 405; the list shows active users unless asked.
func TestUserVerbs(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	vendor := s.vendorCompany()
	office := s.firstOffice()
	var otherCompanyLocation int64
	for _, id := range sortedKeys(s.locations) {
		if s.locations[id].CompanyID != vendor.ID {
			otherCompanyLocation = id
			break
		}
	}
	if office == 0 || otherCompanyLocation == 0 {
		t.Fatalf("seed: office %d, other company's location %d", office, otherCompanyLocation)
	}
	line := s.serviceLineByAbbr("SPRK").ID
	const secret = "tribbles123"
	body := func(extra string) string {
		return fmt.Sprintf(`{"username":"New87687","firstName":"Geordi","lastName":"laForge","password":%q,"email":"geordi@example.com","companyId":%d,"locationId":%d%s}`,
			secret, vendor.ID, office, extra)
	}
	noSecret := func(what string, env map[string]any) {
		t.Helper()
		if strings.Contains(fmt.Sprint(env), secret) || strings.Contains(fmt.Sprint(env), "assword\":") {
			t.Errorf("%s shows the password: %v", what, env)
		}
	}

	// Every required field, and the password rule.
	for _, field := range []string{"username", "firstName", "lastName", "password", "email", "companyId", "locationId"} {
		b := strings.Replace(body(""), `"`+field+`":`, `"ignored_`+field+`":`, 1)
		status, env := call(t, s, tok, http.MethodPost, "/user", b)
		if status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), field) {
			t.Errorf("POST without %s = %d %v; want 400 naming it", field, status, env)
		}
		noSecret("POST without "+field, env)
	}
	for _, pw := range []string{"short1", "12345678", "abcdefgh", ""} {
		b := strings.Replace(body(""), secret, pw, 1)
		status, env := call(t, s, tok, http.MethodPost, "/user", b)
		if status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), "password") || (pw != "" && strings.Contains(fmt.Sprint(env), pw)) {
			t.Errorf("POST password %q = %d %v; want 400 that does not repeat it", pw, status, env)
		}
	}
	for _, extra := range []string{`,"timezone":"Mars/Olympus"`, `,"timezone":"Local"`, `,"status":"gone"`, `,"serviceLineIds":[42]`, fmt.Sprintf(`,"locationId":%d`, otherCompanyLocation)} {
		b := body(extra)
		if strings.Contains(extra, "locationId") {
			b = strings.Replace(body(""), fmt.Sprintf(`"locationId":%d`, office), extra[1:], 1)
		}
		if status, env := call(t, s, tok, http.MethodPost, "/user", b); status != 400 {
			t.Errorf("POST with %s = %d %v; want 400", extra, status, env)
		}
	}

	// Create with the documented defaults.
	status, env := call(t, s, tok, http.MethodPost, "/user", body(""))
	if status != 200 {
		t.Fatalf("POST /user = %d %v", status, env)
	}
	noSecret("POST answer", env)
	d := env["data"].(map[string]any)
	if d["status"] != "active" || d["timezone"] != accountTimezone || d["phone"] != "" || d["details"] != nil || d["isSales"] != false ||
		len(d["serviceLines"].([]any)) != 0 || d["name"] != "Geordi laForge" || d["created"] == nil {
		t.Errorf("POST answer = %v; want the reference's defaults", d)
	}
	id := int64(d["id"].(float64))
	path := fmt.Sprintf("/user/%d", id)
	if !s.UserPasswordMatches(id, secret) || s.UserPasswordMatches(id, "other1234") {
		t.Error("the password was not stored")
	}

	// Usernames are unique, ignoring case, whatever the status.
	for _, name := range []string{"New87687", "new87687", "FFORMER"} {
		b := strings.Replace(body(""), "New87687", name, 1)
		status, env := call(t, s, tok, http.MethodPost, "/user", b)
		if status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), "username must be unique") {
			t.Errorf("POST username %s = %d %v; want 400", name, status, env)
		}
	}

	// PUT changes what it is given; the username stays.
	status, env = call(t, s, tok, http.MethodPut, path, fmt.Sprintf(
		`{"username":"renamed","firstName":"Commander","lastName":"Riker","phone":"555","details":"First officer","isSales":true,"status":"pending","timezone":"Europe/Paris","serviceLineIds":[%d],"password":"riker4ever"}`, line))
	d, _ = env["data"].(map[string]any)
	if status != 200 || d["username"] != "New87687" || d["name"] != "Commander Riker" || d["phone"] != "555" || d["details"] != "First officer" ||
		d["isSales"] != true || d["status"] != "pending" || d["timezone"] != "Europe/Paris" || len(d["serviceLines"].([]any)) != 1 {
		t.Errorf("PUT = %d %v", status, d)
	}
	noSecret("PUT answer", env)
	if !s.UserPasswordMatches(id, "riker4ever") {
		t.Error("PUT did not change the password")
	}
	// A PUT that leaves out status, isSales, serviceLineIds and timezone
	// resets them to their documented defaults; the rest stays.
	status, env = call(t, s, tok, http.MethodPut, path, `{"email":"commander@example.com"}`)
	d, _ = env["data"].(map[string]any)
	if status != 200 || d["status"] != "active" || d["isSales"] != false || d["timezone"] != accountTimezone || len(d["serviceLines"].([]any)) != 0 ||
		d["phone"] != "555" || d["details"] != "First officer" || d["email"] != "commander@example.com" {
		t.Errorf("partial PUT = %d %v", status, d)
	}
	for _, b := range []string{`{"password":"short"}`, `{"firstName":" "}`, `{"status":"deleted"}`, `{"companyId":99}`} {
		if status, env = call(t, s, tok, http.MethodPut, path, b); status != 400 {
			t.Errorf("PUT %s = %d %v; want 400", b, status, env)
		}
	}
	if status, _ = call(t, s, tok, http.MethodPut, "/user/42", `{"firstName":"x"}`); status != 404 {
		t.Errorf("PUT /user/42 = %d, want 404", status)
	}

	// No DELETE: deactivating hides the user from the default list.
	for _, p := range []string{"/user", path} {
		if status, _ = call(t, s, tok, http.MethodDelete, p, ""); status != 405 {
			t.Errorf("DELETE %s = %d, want 405", p, status)
		}
	}
	if status, _ = call(t, s, tok, http.MethodPut, path, `{"status":"inactive"}`); status != 200 {
		t.Fatalf("PUT inactive = %d", status)
	}
	listed := func(query string) bool {
		t.Helper()
		status, env := call(t, s, tok, http.MethodGet, "/user"+query, "")
		if status != 200 {
			t.Fatalf("GET /user%s = %d", query, status)
		}
		for _, u := range env["data"].(map[string]any)["users"].([]any) {
			if u.(map[string]any)["id"] == float64(id) {
				return true
			}
		}
		return false
	}
	if listed("?name=New87687") || !listed("?name=New87687&status=inactive") || !listed("?status=active,pending,inactive") {
		t.Error("an inactive user must be listed only on request")
	}
	if status, env = call(t, s, tok, http.MethodGet, path, ""); status != 200 || env["data"].(map[string]any)["status"] != "inactive" {
		t.Errorf("GET inactive user = %d %v", status, env)
	}
	if !s.RemoveUser(id) || s.RemoveUser(id) {
		t.Error("RemoveUser")
	}
}
