package servicetrade

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Asset definitions. parentAssetTypes lists the types (not the ids) of the
// definitions that can be parents, each a definition of the seed; GET
// shows them as {id, uri, type}. properties are the reference's property
// descriptors, checked against its table and stored as given.

// assetPropertyTypes are the documented property types.
var assetPropertyTypes = []string{"string", "text", "boolean", "int", "float", "date", "monthyear"}

// seedAssetDefinition is an asset definition entry.
type seedAssetDefinition struct {
	ID               int64                      `json:"id"`
	Type             string                     `json:"type"`
	Display          string                     `json:"display,omitempty"`
	InstanceName     string                     `json:"instanceName,omitempty"`
	ServiceLineID    int64                      `json:"serviceLineId,omitempty"`
	Properties       map[string]json.RawMessage `json:"properties,omitempty"`
	ParentAssetTypes []string                   `json:"parentAssetTypes,omitempty"`
	Active           bool                       `json:"active,omitempty"`
	seedStamp
	seedURI
}

// seedAssetProperty is a property descriptor, for checking. orderIndex is
// not in the reference's table but in its examples.
type seedAssetProperty struct {
	Type       string `json:"type"`
	Required   bool   `json:"required"`
	Display    string `json:"display"`
	Default    any    `json:"default"`
	Options    []any  `json:"options"`
	Other      string `json:"other"`
	Collection bool   `json:"collection"`
	Unique     bool   `json:"unique"`
	Min        *int64 `json:"min"`
	Max        *int64 `json:"max"`
	Range      *int64 `json:"range"`
	OrderIndex *int64 `json:"orderIndex"`
}

func init() {
	registerSeedKind(seedKind{
		name: "asset_definitions", after: []string{"service_lines"}, ids: true,
		load: loadAssetDefinitions,
		dump: func(s *Server) any {
			return dumpSorted(s.assetDefinitions, func(d *assetDefinition) seedAssetDefinition {
				props := map[string]json.RawMessage{}
				for name, desc := range d.Properties {
					props[name], _ = json.Marshal(desc)
				}
				return seedAssetDefinition{ID: d.ID, Type: d.Type, Display: d.Display, InstanceName: d.InstanceName,
					ServiceLineID: d.ServiceLineID, Properties: props, ParentAssetTypes: d.ParentTypes, Active: d.Active,
					seedStamp: seedStamp{ptr(d.Created), ptr(d.Updated)}}
			})
		},
	})
}

func loadAssetDefinitions(l *seedLoader, raw json.RawMessage) {
	s := l.s
	var stored []seedItem[seedAssetDefinition]
	for _, it := range seedEntries[seedAssetDefinition](l, "asset_definitions", raw, "type", "display") {
		v := it.v
		if it.required("type", v.Type) && s.assetDefinitionByType(v.Type) != nil {
			it.fail("type %q is already another definition's: types are unique (GET /assetdefinition/{type} finds one)", v.Type)
		}
		ref(it.seedEntry, "serviceLineId", v.ServiceLineID, s.serviceLines, "a service line", "service_lines")
		props := map[string]map[string]any{}
		for _, name := range slices.Sorted(maps.Keys(v.Properties)) {
			if desc, ok := checkAssetProperty(it.seedEntry, name, v.Properties[name]); ok {
				props[name] = desc
			}
		}
		d := &assetDefinition{Type: v.Type, Display: v.Display, InstanceName: v.InstanceName, ServiceLineID: v.ServiceLineID,
			Properties: props, ParentTypes: v.ParentAssetTypes, Active: v.Active}
		d.Created, d.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			d.ID = id
			s.assetDefinitions[id] = d
			stored = append(stored, it)
		}
	}
	// Parents are other entries of the kind: checked once all are in.
	for _, it := range stored {
		for i, typ := range it.v.ParentAssetTypes {
			switch {
			case slices.Contains(it.v.ParentAssetTypes[:i], typ):
				it.fail("parentAssetTypes[%d] %q is given twice", i, typ)
			case s.assetDefinitionByType(typ) == nil:
				it.fail("parentAssetTypes[%d] %q is not the type of an asset definition of this seed", i, typ)
			}
		}
	}
}

// checkAssetProperty checks one property descriptor against the
// reference's table and returns it as stored.
func checkAssetProperty(e seedEntry, name string, raw json.RawMessage) (map[string]any, bool) {
	path := e.path + ".properties." + name
	p, ok := seedfile.DecodeNamed[seedAssetProperty](raw, path, e.name, &e.l.errs)
	if !ok {
		return nil, false
	}
	pe := seedEntry{l: e.l, path: path, name: e.name}
	if pe.required("type", p.Type) {
		pe.oneOf("type", p.Type, "", assetPropertyTypes)
	}
	if p.Range != nil && p.Type != "monthyear" {
		pe.fail("range applies to monthyear properties only")
	}
	if !p.Collection && (p.Unique || p.Min != nil || p.Max != nil) {
		pe.fail("unique, min and max apply to collections only (\"collection\": true)")
	}
	var desc map[string]any
	if err := json.Unmarshal(raw, &desc); err != nil {
		pe.fail("%v", err)
		return nil, false
	}
	return desc, true
}
