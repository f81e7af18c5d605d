package servicetrade

import (
	"fmt"
	"net/http"
	"strconv"
)

// assetDefinition is read-only reference data (/assetdefinition/[id or
// type]): the reference documents GET only, so every other verb is the
// API's 405.
type assetDefinition struct {
	ID               int64
	Type, Display    string
	InstanceName     string
	ServiceLineID    int64 // 0: none
	Properties       map[string]map[string]any
	ParentTypes      []string // types of the definitions that can be parents
	Active           bool
	Created, Updated int64
}

// SeedAssetDefinition describes a seeded asset definition. ServiceLine is
// a seeded service line's abbreviation, or empty for none; ParentTypes
// name other seeded definitions by type.
type SeedAssetDefinition struct {
	Type, Display, InstanceName, ServiceLine string
	Properties                               map[string]map[string]any
	ParentTypes                              []string
	// Active: enabled in the account, so listed with active=true.
	Active bool
}

// SeedAssetDefinitions are the asset definitions of every emulated
// account, in id order. The first two are the reference's examples (the
// alarm's service line is the seeded Fire Alarm line rather than the
// example's "Alarm Systems"); the sprinkler system shows every property
// modifier the reference documents; grease containment (named in the
// reference's asset examples) is not enabled in the account.
var SeedAssetDefinitions = []SeedAssetDefinition{
	{
		Type: "alarm", Display: "Alarm System", InstanceName: "%manufacturer% %model%", ServiceLine: "ALRM", Active: true,
		Properties: map[string]map[string]any{
			"location_in_site":          {"type": "string", "orderIndex": 0},
			"manufacturer":              {"type": "string", "required": true, "orderIndex": 1},
			"model":                     {"type": "string", "required": true, "orderIndex": 2},
			"remote_manufacturer":       {"type": "string", "orderIndex": 3},
			"remote_model":              {"type": "string", "orderIndex": 4},
			"power_supply_manufacturer": {"type": "string", "orderIndex": 5},
			"power_supply_model":        {"type": "string", "orderIndex": 6},
			"battery_size":              {"type": "float", "orderIndex": 0},
			"battery_qty":               {"type": "int", "orderIndex": 7},
			"notes":                     {"type": "text", "orderIndex": 8},
		},
		ParentTypes: []string{"location"},
	},
	{
		Type: "location", Display: "Location", InstanceName: "Building", Active: true,
		Properties: map[string]map[string]any{"notes": {"type": "text"}},
	},
	{
		Type: "sprinkler_system", Display: "Sprinkler System", InstanceName: "%system_type% system", ServiceLine: "SPRK", Active: true,
		Properties: map[string]map[string]any{
			"system_type": {"type": "string", "required": true, "display": "System type", "options": []any{"wet", "dry", "preaction", "deluge"},
				"other": "Other system type", "default": "wet", "orderIndex": 0},
			"heads":          {"type": "int", "display": "Number of heads", "default": 24, "orderIndex": 1},
			"antifreeze":     {"type": "boolean", "default": false, "orderIndex": 2},
			"installed":      {"type": "monthyear", "display": "Installed", "range": 50, "orderIndex": 3},
			"last_tested":    {"type": "date", "orderIndex": 4},
			"gauge_readings": {"type": "float", "collection": true, "min": 1, "max": 4, "orderIndex": 5},
			"riser_tags":     {"type": "string", "collection": true, "unique": true, "orderIndex": 6},
		},
		ParentTypes: []string{"location"},
	},
	{
		Type: "grease_containment", Display: "Grease Containment", InstanceName: "%manufacturer% %capacity%",
		Properties: map[string]map[string]any{
			"manufacturer": {"type": "string"},
			"capacity":     {"type": "int", "display": "Capacity (gallons)"},
		},
		ParentTypes: []string{"location"},
	},
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.assetDefinitions = map[int64]*assetDefinition{}
		mux.HandleFunc("/assetdefinition", s.protected(s.assetDefinitionCollection))
		mux.HandleFunc("/assetdefinition/{key}", s.protected(s.assetDefinitionItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedAssetDefinitions)
}

func (s *Server) seedAssetDefinitions() {
	for _, sd := range SeedAssetDefinitions {
		d := &assetDefinition{
			ID: s.newID(), Type: sd.Type, Display: sd.Display, InstanceName: sd.InstanceName,
			Properties: sd.Properties, ParentTypes: sd.ParentTypes, Active: sd.Active, Created: seedTime, Updated: seedTime,
		}
		if sd.ServiceLine != "" {
			d.ServiceLineID = s.serviceLineByAbbr(sd.ServiceLine).ID
		}
		s.assetDefinitions[d.ID] = d
	}
}

// assetDefinitionByType returns the definition of that type, compared
// exactly (the reference does not say whether the type in the path
// ignores case; the emulator does not). Called with s.mu held.
func (s *Server) assetDefinitionByType(typ string) *assetDefinition {
	for _, id := range sortedKeys(s.assetDefinitions) {
		if d := s.assetDefinitions[id]; d.Type == typ {
			return d
		}
	}
	return nil
}

// assetDefinitionJSON renders a definition as the reference's examples do:
// the service line as the service line resource renders it (or null),
// the parents as {id, uri, type}, properties as their descriptors. Called
// with s.mu held.
func (s *Server) assetDefinitionJSON(r *http.Request, d *assetDefinition) map[string]any {
	var line any
	if sl := s.serviceLines[d.ServiceLineID]; sl != nil {
		line = s.serviceLineJSON(r, sl)
	}
	parents := []map[string]any{}
	for _, typ := range d.ParentTypes {
		if p := s.assetDefinitionByType(typ); p != nil {
			parents = append(parents, map[string]any{"id": p.ID, "uri": s.uri(r, "assetdefinition", p.ID), "type": p.Type})
		}
	}
	props := map[string]any{}
	for name, desc := range d.Properties {
		props[name] = desc
	}
	return map[string]any{
		"id": d.ID, "uri": s.uri(r, "assetdefinition", d.ID), "type": d.Type, "display": d.Display, "instanceName": d.InstanceName,
		"serviceLine": line, "properties": props, "parentAssetTypes": parents, "active": d.Active,
		"created": d.Created, "updated": d.Updated,
	}
}

// assetDefinitionCollection answers GET /assetdefinition with the
// documented filters: active=true keeps the definitions enabled in the
// account ("false or omit to get all definitions"), updatedAfter and
// updatedBefore bound the last update inclusively. A timestamp that is not
// an integer is a 400 (the reference is silent; the emulator refuses it).
func (s *Server) assetDefinitionCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	q := r.URL.Query()
	activeOnly := boolParam(q.Get("active"))
	v := map[string][]string{}
	window := readTimeWindow(q, v, "updatedAfter", "updatedBefore")
	if len(v) > 0 {
		writeValidation(w, v)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	writeList(s, w, r, "assetDefinitions", s.assetDefinitions, func(d *assetDefinition) bool {
		switch {
		case activeOnly && !d.Active,
			!window.holds(0, d.Updated):
			return false
		}
		return true
	}, s.assetDefinitionJSON)
}

// assetDefinitionItem answers GET /assetdefinition/{id or type}: a numeric
// segment is an id ("assetdefinition 456 not found"), anything else a type
// ("assetdefinition of type 'widget' not found"), as the reference's
// response codes word them. A definition not enabled in the account is
// found too (the active filter is the list's).
func (s *Server) assetDefinitionItem(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	key := r.PathValue("key")
	find := func() (*assetDefinition, string) {
		return s.assetDefinitionByType(key), fmt.Sprintf("assetdefinition of type '%s' not found", key)
	}
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		find = byID(s.assetDefinitions, "assetdefinition", id)
	}
	serveObject(s, w, r, find, objectVerbs[assetDefinition]{
		get: func(d *assetDefinition) { writeData(w, s.assetDefinitionJSON(r, d)) },
	})
}
