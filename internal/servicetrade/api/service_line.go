package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
)

// ServiceLine is a line of service (Fire Suppression, HVAC) that users,
// lib items and contracts reference (GET /serviceline/{id}). It has no uri.
type ServiceLine struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Trade is the general trade ("Fire Protection").
	Trade Trade  `json:"trade"`
	Abbr  string `json:"abbr"`
	Icon  string `json:"icon"`
}

// Trade is a service line's trade name. The reference documents an object
// {"name": ...} but its examples return a plain string; both decode.
type Trade string

// UnmarshalJSON accepts "Fire Protection", {"name":"Fire Protection"} and
// null.
func (t *Trade) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = ""
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Trade(s)
		return nil
	}
	var obj struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return fmt.Errorf("service line trade is neither a string nor an object with a name: %s", b)
	}
	*t = Trade(obj.Name)
	return nil
}

// ServiceLineFilter narrows GET /serviceline. TradeName is a case-insensitive
// match on the trade. Without ShowAll the server lists only the service
// lines the user's company provides.
type ServiceLineFilter struct {
	TradeName string
	ShowAll   bool
}

// serviceLines are at /serviceline; a list page holds them under
// "servicelines".
var serviceLines = collection[ServiceLine]{path: "/serviceline", listKey: "servicelines"}

// GetServiceLine reads one service line; IsNotFound(err) when it does not
// exist.
func (c *Client) GetServiceLine(ctx context.Context, id int64) (*ServiceLine, error) {
	return serviceLines.get(ctx, c, id)
}

// ListServiceLines returns every service line matching f, across all pages.
func (c *Client) ListServiceLines(ctx context.Context, f ServiceLineFilter) ([]ServiceLine, error) {
	return serviceLines.list(ctx, c, query{}.text("tradeName", f.TradeName).flag("showAll", f.ShowAll))
}
