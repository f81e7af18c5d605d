package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestAssetDefinitionsListGetAndFilters(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{})
	if err != nil || len(all) != len(emust.SeedAssetDefinitions) {
		t.Fatalf("ListAssetDefinitions() = %d, %v; want all %d", len(all), err, len(emust.SeedAssetDefinitions))
	}
	active := 0
	for i, sd := range emust.SeedAssetDefinitions {
		if all[i].Type != sd.Type || all[i].Active != sd.Active || all[i].ID <= 1<<32 || !strings.HasSuffix(all[i].URI, "/assetdefinition/"+strconv.FormatInt(all[i].ID, 10)) {
			t.Errorf("definition %d = %+v; want the seeded %q", i, all[i], sd.Type)
		}
		if sd.Active {
			active++
		}
	}
	alarm := all[0]
	if alarm.ServiceLine == nil || alarm.ServiceLine.Abbr != "ALRM" || alarm.ServiceLine.Trade != "Fire Protection" ||
		len(alarm.Properties) != 10 || !alarm.Properties["model"].Required || alarm.Properties["notes"].Type != "text" ||
		len(alarm.ParentAssetTypes) != 1 || alarm.ParentAssetTypes[0].Type != "location" || alarm.ParentAssetTypes[0].ID != all[1].ID {
		t.Errorf("alarm = %+v", alarm)
	}
	if all[1].ServiceLine != nil || len(all[1].ParentAssetTypes) != 0 {
		t.Errorf("location = %+v; want no service line and no parents", all[1])
	}
	enabled, err := c.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{ActiveOnly: true})
	if err != nil || len(enabled) != active {
		t.Fatalf("ListAssetDefinitions(active) = %d, %v; want %d", len(enabled), err, active)
	}
	none, err := c.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{UpdatedAfter: all[0].Updated + 1})
	if err != nil || len(none) != 0 {
		t.Errorf("ListAssetDefinitions(updatedAfter a later time) = %d, %v; want none", len(none), err)
	}
	same, err := c.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{UpdatedAfter: all[0].Updated, UpdatedBefore: all[0].Updated})
	if err != nil || len(same) != len(all) {
		t.Errorf("ListAssetDefinitions(updated within the seed time) = %d, %v; want all", len(same), err)
	}

	byID, err := c.GetAssetDefinition(ctx, all[2].ID)
	if err != nil || !reflect.DeepEqual(*byID, all[2]) {
		t.Fatalf("GetAssetDefinition = %+v, %v; want %+v", byID, err, all[2])
	}
	byType, err := c.GetAssetDefinitionByType(ctx, all[2].Type)
	if err != nil || !reflect.DeepEqual(*byType, all[2]) {
		t.Fatalf("GetAssetDefinitionByType(%q) = %+v, %v", all[2].Type, byType, err)
	}
	if _, err := c.GetAssetDefinition(ctx, 456); !api.IsNotFound(err) {
		t.Errorf("GetAssetDefinition(456) = %v, want not found", err)
	}
	if _, err := c.GetAssetDefinitionByType(ctx, "widget"); !api.IsNotFound(err) || !strings.Contains(err.Error(), "assetdefinition of type 'widget' not found") {
		t.Errorf("GetAssetDefinitionByType(widget) = %v, want the API's not found", err)
	}
	for _, typ := range []string{"", "123"} {
		if _, err := c.GetAssetDefinitionByType(ctx, typ); err == nil || api.IsNotFound(err) {
			t.Errorf("GetAssetDefinitionByType(%q) = %v, want a refusal before any request", typ, err)
		}
	}
}

// The reference's example decodes, and descriptors are read tolerantly:
// properties as [] or null, booleans and numbers as strings, single
// options, unknown modifiers kept in Raw.
func TestAssetDefinitionDecoding(t *testing.T) {
	const example = `{"id":1,"uri":"https://api.servicetrade.com/api/assetdefinition/1","type":"alarm","display":"Alarm System",
 "instanceName":"%manufacturer% %model%",
 "serviceLine":{"id":1,"name":"Alarm Systems","trade":"Fire Protection","abbr":"AL","icon":"https://api.servicetrade.com/image/icons/service_lines/32/AL.png"},
 "properties":{"manufacturer":{"type":"string","required":true,"orderIndex":1},"battery_size":{"type":"float","orderIndex":0}},
 "parentAssetTypes":[{"id":16,"uri":"http://api.servicetrade.com/api/assetdefinition/16","type":"location"}],
 "active":true,"created":1423492206,"updated":1423492206}`
	var d api.AssetDefinition
	if err := json.Unmarshal([]byte(example), &d); err != nil {
		t.Fatal(err)
	}
	m := d.Properties["manufacturer"]
	if d.ID != 1 || d.ServiceLine.Abbr != "AL" || d.ParentAssetTypes[0].ID != 16 || !m.Required || m.Type != "string" ||
		m.OrderIndex == nil || *m.OrderIndex != 1 || m.Min != nil || m.Default != nil || m.Options != nil ||
		string(m.Raw) != `{"type":"string","required":true,"orderIndex":1}` {
		t.Errorf("decoded %+v; manufacturer %+v", d, m)
	}
	for _, props := range []string{`[]`, `[ ]`, `null`, `{}`} {
		var d api.AssetDefinition
		if err := json.Unmarshal([]byte(`{"id":2,"properties":`+props+`}`), &d); err != nil || d.Properties == nil || len(d.Properties) != 0 {
			t.Errorf("properties %s decoded to %#v, %v; want none", props, d.Properties, err)
		}
	}
	var loose api.AssetProperty
	if err := json.Unmarshal([]byte(`{"type":"int","required":"true","collection":1,"unique":"0","min":"2","max":3.0,"range":"x",
		"options":"only","default":5,"other":true,"display":"Qty","newModifier":[1]}`), &loose); err != nil {
		t.Fatal(err)
	}
	if !loose.Required || !loose.Collection || loose.Unique || *loose.Min != 2 || *loose.Max != 3 || loose.Range != nil ||
		len(loose.Options) != 1 || string(loose.Options[0]) != `"only"` || string(loose.Default) != "5" || string(loose.Other) != "true" ||
		loose.Display != "Qty" || !strings.Contains(string(loose.Raw), "newModifier") {
		t.Errorf("loose descriptor decoded to %+v", loose)
	}
	var bad api.AssetDefinition
	if err := json.Unmarshal([]byte(`{"properties":"none"}`), &bad); err == nil {
		t.Errorf("properties given as a string decoded without error")
	}
}

// A server that does not know the active filter's meaning still gets
// "true" only when asked, and the list key is "assetDefinitions".
func TestAssetDefinitionsQuery(t *testing.T) {
	var queries []string
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth2/token", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
	})
	mux.HandleFunc("/assetdefinition", func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"totalPages": 1, "page": 1,
			"assetDefinitions": []map[string]any{{"id": 5, "type": "alarm", "properties": map[string]any{}}}}})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
	for _, f := range []api.AssetDefinitionFilter{{}, {ActiveOnly: true, UpdatedAfter: 10, UpdatedBefore: 20}} {
		got, err := c.ListAssetDefinitions(context.Background(), f)
		if err != nil || len(got) != 1 || got[0].Type != "alarm" {
			t.Fatalf("ListAssetDefinitions(%+v) = %+v, %v", f, got, err)
		}
	}
	if want := []string{"page=1", "active=true&page=1&updatedAfter=10&updatedBefore=20"}; !reflect.DeepEqual(queries, want) {
		t.Errorf("queries = %q, want %q", queries, want)
	}
}
