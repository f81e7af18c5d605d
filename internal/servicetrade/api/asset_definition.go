package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// AssetDefinition is a type of asset (an alarm system, a sprinkler system)
// with the properties its assets carry (GET /assetdefinition/{id or
// type}). Asset definitions are read-only in the API.
type AssetDefinition struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Type string `json:"type"`
	// Display is the human-readable type ("Alarm System"), InstanceName
	// the template of an asset's name ("%manufacturer% %model%").
	Display      string `json:"display"`
	InstanceName string `json:"instanceName"`
	// ServiceLine is the service line the definition applies to, or nil.
	ServiceLine *ServiceLine `json:"serviceLine"`
	// Properties are the property descriptors, by property name.
	Properties AssetProperties `json:"properties"`
	// ParentAssetTypes are the definitions whose assets can be the parent
	// of this type's (the reference's examples give their id, uri and
	// type).
	ParentAssetTypes []AssetDefinitionRef `json:"parentAssetTypes"`
	// Active is whether the definition is enabled in the requesting user's
	// account.
	Active  bool  `json:"active"`
	Created int64 `json:"created"`
	Updated int64 `json:"updated"`
}

// AssetDefinitionRef is an asset definition as another one names it (a
// parent asset type).
type AssetDefinitionRef struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Type string `json:"type"`
}

// AssetProperties are an asset definition's property descriptors by
// property name. The reference documents an object; an empty one may come
// as [] (as PHP encodes an empty map) or null, and both decode to none.
type AssetProperties map[string]AssetProperty

// UnmarshalJSON accepts an object of descriptors, [] and null.
func (p *AssetProperties) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" || b[0] == '[' && string(bytes.Join(bytes.Fields(b), nil)) == "[]" {
		*p = AssetProperties{}
		return nil
	}
	var m map[string]AssetProperty
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("asset definition properties are not an object of property descriptors: %w", err)
	}
	*p = m
	return nil
}

// AssetProperty is one property descriptor: its type (string, text,
// boolean, int, float, date or monthyear) and the modifiers the reference
// documents. Raw keeps the descriptor as the API sent it, modifiers the
// reference does not name (such as orderIndex, in its examples) included.
// The modifiers are read tolerantly: a boolean may come as true, "true" or
// 1 and a number as a number or a numeric string, so that a descriptor
// the reference does not foresee never fails a whole listing.
type AssetProperty struct {
	Type string
	// Required: an asset is not valid without a value for the property.
	Required bool
	// Display is the recommended label, empty when not given.
	Display string
	// Default is the value forms start with, as JSON; nil when not given.
	Default json.RawMessage
	// Options are the acceptable values, as JSON; nil when not given.
	Options []json.RawMessage
	// Other, when given, allows values outside Options and is the
	// recommended description for selecting them; nil when not given.
	Other json.RawMessage
	// Collection: the value is an array; Unique: its values must differ.
	Collection, Unique bool
	// Min and Max bound a collection's length, Range a monthyear's years
	// either way, OrderIndex the property's position; nil when not given.
	Min, Max, Range, OrderIndex *int64
	Raw                         json.RawMessage
}

// UnmarshalJSON reads a descriptor object.
func (p *AssetProperty) UnmarshalJSON(b []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return fmt.Errorf("asset property descriptor is not an object: %s", b)
	}
	*p = AssetProperty{Raw: append(json.RawMessage(nil), bytes.TrimSpace(b)...)}
	p.Type = looseString(fields["type"])
	p.Display = looseString(fields["display"])
	p.Required = looseBool(fields["required"])
	p.Collection = looseBool(fields["collection"])
	p.Unique = looseBool(fields["unique"])
	p.Default = present(fields["default"])
	p.Other = present(fields["other"])
	if raw := present(fields["options"]); raw != nil {
		if err := json.Unmarshal(raw, &p.Options); err != nil {
			// A single value rather than an array: one option.
			p.Options = []json.RawMessage{raw}
		}
	}
	p.Min = looseInt(fields["min"])
	p.Max = looseInt(fields["max"])
	p.Range = looseInt(fields["range"])
	p.OrderIndex = looseInt(fields["orderIndex"])
	return nil
}

// present is raw unless it is absent or null.
func present(raw json.RawMessage) json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return raw
}

// looseString is a JSON string's value, or the JSON text of another value
// ("" when absent or null).
func looseString(raw json.RawMessage) string {
	raw = present(raw)
	var s string
	if raw == nil {
		return ""
	}
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// looseBool reads true, "true", "1" and non-zero numbers as true.
func looseBool(raw json.RawMessage) bool {
	switch strings.ToLower(strings.Trim(looseString(raw), `"`)) {
	case "", "false", "0", "0.0", "no":
		return false
	default:
		return true
	}
}

// looseInt reads a whole number given as a number or a numeric string; nil
// when absent, null or not a whole number.
func looseInt(raw json.RawMessage) *int64 {
	s := looseString(raw)
	if s == "" {
		return nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return &n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) {
		n := int64(f)
		return &n
	}
	return nil
}

// AssetDefinitionFilter narrows GET /assetdefinition. ActiveOnly (the
// API's active=true) keeps the definitions enabled in the requesting
// user's account; without it every definition is listed, enabled or not
// (the API has no filter for the disabled ones). UpdatedAfter and
// UpdatedBefore are inclusive Unix timestamps, 0 for no bound.
type AssetDefinitionFilter struct {
	ActiveOnly                  bool
	UpdatedAfter, UpdatedBefore int64
}

// assetDefinitions are at /assetdefinition; a list page holds them under
// "assetDefinitions".
var assetDefinitions = collection[AssetDefinition]{path: "/assetdefinition", listKey: "assetDefinitions"}

// GetAssetDefinition reads one asset definition by id; IsNotFound(err)
// when it does not exist.
func (c *Client) GetAssetDefinition(ctx context.Context, id int64) (*AssetDefinition, error) {
	return assetDefinitions.get(ctx, c, id)
}

// GetAssetDefinitionByType reads the asset definition of a type
// (GET /assetdefinition/{type}); IsNotFound(err) when no definition has
// it. The API reads a numeric segment as an id, so a type made of digits
// only cannot be read this way: list the definitions instead.
func (c *Client) GetAssetDefinitionByType(ctx context.Context, typ string) (*AssetDefinition, error) {
	if !ReadableByType(typ) {
		return nil, fmt.Errorf("the asset definition type %q cannot be read by type: ServiceTrade reads an empty or numeric path segment as an id", typ)
	}
	return fetch[AssetDefinition](ctx, c, http.MethodGet, assetDefinitions.path+"/"+url.PathEscape(typ), nil, nil)
}

// ReadableByType reports whether GET /assetdefinition/{type} can name the
// type: it is not empty and not made of digits only (which the API reads
// as an id).
func ReadableByType(typ string) bool {
	if typ == "" {
		return false
	}
	_, err := strconv.ParseUint(typ, 10, 64)
	return err != nil
}

// ListAssetDefinitions returns every asset definition matching f, across
// all pages.
func (c *Client) ListAssetDefinitions(ctx context.Context, f AssetDefinitionFilter) ([]AssetDefinition, error) {
	return assetDefinitions.list(ctx, c, query{}.flag("active", f.ActiveOnly).
		id("updatedAfter", f.UpdatedAfter).id("updatedBefore", f.UpdatedBefore))
}
