package servicetrade

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// assetDefinitionList is the definitions of every page of path, and the
// number of pages.
func assetDefinitionList(t *testing.T, s *Server, tok, path string) ([]map[string]any, int) {
	t.Helper()
	var out []map[string]any
	for p := 1; ; p++ {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		code, env := call(t, s, tok, http.MethodGet, path+sep+"page="+strconv.Itoa(p), "")
		data, _ := env["data"].(map[string]any)
		list, ok := data["assetDefinitions"].([]any)
		if code != http.StatusOK || !ok {
			t.Fatalf("GET %s page %d = %d %v; want a list under assetDefinitions", path, p, code, env)
		}
		for _, d := range list {
			out = append(out, d.(map[string]any))
		}
		total := int(data["totalPages"].(float64))
		if p >= total {
			return out, total
		}
	}
}

// The asset definition section as the reference shows it: a paged list
// under "assetDefinitions" that active=true narrows to the enabled
// definitions (false or omitted: all of them), updatedAfter and
// updatedBefore bounds, a single GET by id or by type with the documented
// 404 sentences, and GET only.
func TestAssetDefinitionQuirks(t *testing.T) {
	s := New(Options{PageSize: 3})
	tok := token(t, s)

	all, pages := assetDefinitionList(t, s, tok, "/assetdefinition")
	if len(all) != len(SeedAssetDefinitions) || pages != 2 {
		t.Fatalf("GET /assetdefinition = %d definitions on %d pages; want %d on 2", len(all), pages, len(SeedAssetDefinitions))
	}
	active := 0
	for i, sd := range SeedAssetDefinitions {
		if all[i]["type"] != sd.Type || all[i]["display"] != sd.Display || all[i]["active"] != sd.Active {
			t.Errorf("definition %d = %v; want the seeded %q", i, all[i], sd.Type)
		}
		if sd.Active {
			active++
		}
	}
	for _, q := range []string{"?active=false", "?active=0"} {
		if got, _ := assetDefinitionList(t, s, tok, "/assetdefinition"+q); len(got) != len(all) {
			t.Errorf("GET /assetdefinition%s = %d definitions; want all %d (false is no filter)", q, len(got), len(all))
		}
	}
	enabled, _ := assetDefinitionList(t, s, tok, "/assetdefinition?active=true")
	if len(enabled) != active {
		t.Errorf("GET ?active=true = %d definitions; want the %d enabled", len(enabled), active)
	}
	for _, d := range enabled {
		if d["active"] != true {
			t.Errorf("?active=true lists %v", d)
		}
	}

	// The reference's example: the alarm with its service line (a string
	// trade, no uri), its properties and its parent type.
	alarm := all[0]
	line, _ := alarm["serviceLine"].(map[string]any)
	if line == nil || line["abbr"] != "ALRM" || line["trade"] != "Fire Protection" || line["uri"] != nil {
		t.Errorf("alarm serviceLine = %v; want the seeded ALRM line as the service line resource renders it", alarm["serviceLine"])
	}
	props, _ := alarm["properties"].(map[string]any)
	manufacturer, _ := props["manufacturer"].(map[string]any)
	if len(props) != 10 || manufacturer["type"] != "string" || manufacturer["required"] != true || manufacturer["orderIndex"] != float64(1) {
		t.Errorf("alarm properties = %v", props)
	}
	parents, _ := alarm["parentAssetTypes"].([]any)
	location := all[1]
	if len(parents) != 1 || parents[0].(map[string]any)["type"] != "location" || parents[0].(map[string]any)["id"] != location["id"] ||
		!strings.HasSuffix(parents[0].(map[string]any)["uri"].(string), "/assetdefinition/"+strconv.FormatInt(int64(location["id"].(float64)), 10)) {
		t.Errorf("alarm parentAssetTypes = %v; want the location definition", parents)
	}
	if location["serviceLine"] != nil || len(location["parentAssetTypes"].([]any)) != 0 {
		t.Errorf("location definition = %v; want a null service line and no parents", location)
	}

	// By id and by type, the same object; types compare exactly.
	id := strconv.FormatInt(int64(location["id"].(float64)), 10)
	for _, p := range []string{"/assetdefinition/" + id, "/assetdefinition/location"} {
		code, env := call(t, s, tok, http.MethodGet, p, "")
		data, _ := env["data"].(map[string]any)
		if code != http.StatusOK || data["id"] != location["id"] || data["type"] != "location" || data["instanceName"] != "Building" {
			t.Errorf("GET %s = %d %v; want the location definition", p, code, env)
		}
	}
	// A definition not enabled in the account is read all the same.
	if code, env := call(t, s, tok, http.MethodGet, "/assetdefinition/grease_containment", ""); code != http.StatusOK || env["data"].(map[string]any)["active"] != false {
		t.Errorf("GET /assetdefinition/grease_containment = %d %v", code, env)
	}
	for p, want := range map[string]string{
		"/assetdefinition/456":      "assetdefinition 456 not found",
		"/assetdefinition/widget":   "assetdefinition of type 'widget' not found",
		"/assetdefinition/Location": "assetdefinition of type 'Location' not found",
	} {
		if code, env := call(t, s, tok, http.MethodGet, p, ""); code != http.StatusNotFound || errorText(env) != want {
			t.Errorf("GET %s = %d %q; want 404 %q", p, code, errorText(env), want)
		}
	}

	// Update ranges are inclusive; a malformed one is a 400.
	stamp := strconv.FormatInt(seedTime, 10)
	for q, want := range map[string]int{
		"?updatedAfter=" + stamp:                    len(all),
		"?updatedBefore=" + stamp:                   len(all),
		"?updatedAfter=" + stamp + "1":              0,
		"?updatedBefore=1000":                       0,
		"?active=true&updatedAfter=" + stamp:        active,
		"?updatedAfter=1000&updatedBefore=" + stamp: len(all),
	} {
		if got, _ := assetDefinitionList(t, s, tok, "/assetdefinition"+q); len(got) != want {
			t.Errorf("GET /assetdefinition%s = %d definitions; want %d", q, len(got), want)
		}
	}
	if code, env := call(t, s, tok, http.MethodGet, "/assetdefinition?updatedAfter=yesterday", ""); code != http.StatusBadRequest {
		t.Errorf("GET ?updatedAfter=yesterday = %d %v; want 400", code, env)
	}

	// GET is the only verb; authentication is required.
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		for _, p := range []string{"/assetdefinition", "/assetdefinition/" + id, "/assetdefinition/location"} {
			if code, env := call(t, s, tok, m, p, `{}`); code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s = %d %v; want 405", m, p, code, env)
			}
		}
	}
	if code, _ := call(t, s, "", http.MethodGet, "/assetdefinition", ""); code != http.StatusUnauthorized {
		t.Errorf("GET /assetdefinition without credentials = %d; want 401", code)
	}
}
