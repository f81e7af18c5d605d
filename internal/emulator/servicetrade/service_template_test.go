package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// svcTemplateSeeds returns the ids the tests need: two service lines, a
// tech, a non-tech user and a company.
func svcTemplateSeeds(s *Server) (supp, bf, tech, sales, company int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.serviceLineByAbbr("SUPP").ID, s.serviceLineByAbbr("BF").ID, s.userByUsername("ttech").ID,
		s.userByUsername("ssales").ID, s.companyByName(SeedCustomerCompanies[0]).ID
}

type svcTemplateJSON struct {
	ID             int64
	Name           string
	Description    string
	ServiceLine    *struct{ ID int64 }
	Frequency      string
	Interval       *int64
	RepeatWeekday  bool
	PreferredTechs []struct {
		ID   int64
		Name string
	}
	PreferredVendor *struct{ ID int64 }
	EstimatedPrice  *float64
	Duration        *int64
}

func decodeSvcTemplate(t *testing.T, raw json.RawMessage) svcTemplateJSON {
	t.Helper()
	var st svcTemplateJSON
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
	return st
}

func TestServiceTemplateSeedsFollowTheReferenceExample(t *testing.T) {
	s := New(Options{PageSize: 10})
	code, env := hookSysRequest(t, s, http.MethodGet, "/servicetemplate?name=FLUSH", "")
	if code != http.StatusOK {
		t.Fatalf("GET /servicetemplate = %d", code)
	}
	var page struct {
		ServiceTemplates []json.RawMessage `json:"serviceTemplates"`
	}
	_ = json.Unmarshal(env["data"], &page)
	if len(page.ServiceTemplates) != 1 {
		t.Fatalf("name=FLUSH matched %d templates, want the seeded Annual Flush", len(page.ServiceTemplates))
	}
	raw := string(page.ServiceTemplates[0])
	for _, want := range []string{`"frequency":"yearly"`, `"repeatWeekday":true`, `"estimatedPrice":null`, `"duration":0`, `"preferredTechs":[]`, `"preferredVendor":null`, `"abbr":"BF"`} {
		if !strings.Contains(raw, want) {
			t.Errorf("seeded Annual Flush %s lacks %s", raw, want)
		}
	}
}

func TestServiceTemplateQuirks(t *testing.T) {
	s := New(Options{})
	supp, bf, tech, sales, company := svcTemplateSeeds(s)

	// The reference's create example: null price and duration, no techs,
	// repeatWeekday false.
	code, env := hookSysRequest(t, s, http.MethodPost, "/servicetemplate",
		fmt.Sprintf(`{"name":"Quarterly Inspection","description":"Inspect all the quarters","serviceLineId":%d,"frequency":"monthly","interval":3}`, supp))
	if code != http.StatusOK {
		t.Fatalf("POST = %d %s", code, env["messages"])
	}
	for _, want := range []string{`"estimatedPrice":null`, `"duration":null`, `"preferredTechs":[]`, `"repeatWeekday":false`, `"interval":3`} {
		if !strings.Contains(string(env["data"]), want) {
			t.Errorf("create answer %s lacks %s", env["data"], want)
		}
	}
	st := decodeSvcTemplate(t, env["data"])
	item := fmt.Sprintf("/servicetemplate/%d", st.ID)

	// Without frequency and interval, the server's default applies.
	code, env = hookSysRequest(t, s, http.MethodPost, "/servicetemplate", fmt.Sprintf(`{"name":"d","description":"d","serviceLineId":%d}`, supp))
	if d := decodeSvcTemplate(t, env["data"]); code != http.StatusOK || d.Frequency != "yearly" || d.Interval == nil || *d.Interval != 1 {
		t.Errorf("POST without frequency = %d %s; want yearly every 1", code, env["data"])
	}

	// Required fields, unknown references, settable frequencies only.
	for _, tc := range []struct{ body, param string }{
		{fmt.Sprintf(`{"description":"d","serviceLineId":%d}`, supp), "name"},
		{fmt.Sprintf(`{"name":"n","serviceLineId":%d}`, supp), "description"},
		{`{"name":"n","description":"d"}`, "serviceLineId"},
		{`{"name":"n","description":"d","serviceLineId":12345}`, "serviceLineId"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"frequency":"quarterly"}`, supp), "frequency"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"interval":0}`, supp), "interval"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"preferredTechIds":[%d]}`, supp, sales), "preferredTechIds"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"preferredTechIds":[12345]}`, supp), "preferredTechIds"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"preferredVendorId":12345}`, supp), "preferredVendorId"},
		{fmt.Sprintf(`{"name":"n","description":"d","serviceLineId":%d,"duration":-1}`, supp), "duration"},
	} {
		code, env := hookSysRequest(t, s, http.MethodPost, "/servicetemplate", tc.body)
		if code != http.StatusBadRequest || !strings.Contains(string(env["messages"]), `"`+tc.param+`"`) ||
			!strings.Contains(string(env["messages"]), "servicetemplate not created: malformed data") {
			t.Errorf("POST %s = %d %s; want 400 on %s", tc.body, code, env["messages"], tc.param)
		}
	}

	// A partial PUT: the techs (by id, duplicates collapsed), a vendor, a
	// price; repeatWeekday stored as sent even when not monthly.
	code, env = hookSysRequest(t, s, http.MethodPut, item,
		fmt.Sprintf(`{"preferredTechIds":[%d,%d],"preferredVendorId":%d,"estimatedPrice":99.5,"serviceLineId":%d,"frequency":"yearly","repeatWeekday":true}`, tech, tech, company, bf))
	got := decodeSvcTemplate(t, env["data"])
	if code != http.StatusOK || len(got.PreferredTechs) != 1 || got.PreferredTechs[0].ID != tech || got.PreferredVendor == nil ||
		got.PreferredVendor.ID != company || got.EstimatedPrice == nil || *got.EstimatedPrice != 99.5 || got.ServiceLine.ID != bf ||
		got.Name != "Quarterly Inspection" || got.Interval == nil || *got.Interval != 3 || !got.RepeatWeekday || got.Frequency != "yearly" {
		t.Fatalf("PUT = %d %s", code, env["data"])
	}
	// null clears the optional values; [] the techs.
	code, env = hookSysRequest(t, s, http.MethodPut, item, `{"preferredTechIds":[],"preferredVendorId":null,"estimatedPrice":null,"duration":null}`)
	if !strings.Contains(string(env["data"]), `"preferredTechs":[]`) || !strings.Contains(string(env["data"]), `"preferredVendor":null`) ||
		!strings.Contains(string(env["data"]), `"estimatedPrice":null`) || code != http.StatusOK {
		t.Errorf("clearing PUT = %d %s", code, env["data"])
	}
	if code, _ := hookSysRequest(t, s, http.MethodPut, "/servicetemplate/999", `{"name":"x"}`); code != http.StatusNotFound {
		t.Errorf("PUT unknown = %d, want 404", code)
	}
	if code, _ := hookSysRequest(t, s, http.MethodDelete, "/servicetemplate", ""); code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /servicetemplate = %d, want 405", code)
	}

	// Associated items: 409; then 204; an unknown id is the 403.
	if !s.SetServiceTemplateAssociations(st.ID, 2) {
		t.Fatal("hook did not find the template")
	}
	if code, env := hookSysRequest(t, s, http.MethodDelete, item, ""); code != http.StatusConflict || !strings.Contains(string(env["messages"]), "has associated items") {
		t.Errorf("DELETE with associated items = %d %s, want 409", code, env["messages"])
	}
	s.SetServiceTemplateAssociations(st.ID, 0)
	if code, _ := hookSysRequest(t, s, http.MethodDelete, item, ""); code != http.StatusNoContent {
		t.Errorf("DELETE = %d, want 204", code)
	}
	if code, _ := hookSysRequest(t, s, http.MethodGet, item, ""); code != http.StatusNotFound {
		t.Errorf("GET after delete = %d, want 404", code)
	}
	if code, env := hookSysRequest(t, s, http.MethodDelete, item, ""); code != http.StatusForbidden || !strings.Contains(string(env["messages"]), "not editable by user") {
		t.Errorf("second DELETE = %d %s, want the 403", code, env["messages"])
	}
}
