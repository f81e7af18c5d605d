package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// ExternalIDEntityTypes are the entity types the external id resource
// documents, as the path segments it takes.
var ExternalIDEntityTypes = []string{"asset", "company", "contact", "contract", "deficiency", "location", "job", "jobitem", "libitem", "quote", "user"}

// ExternalID is the value an external system (by its name) gives one
// ServiceTrade entity: GET /externalid/{entityType}/{entityId}/{systemName}.
// The API answers only {"value": …}; the client fills in the rest from the
// request. An entity has at most one value per system.
type ExternalID struct {
	EntityType string
	EntityID   int64
	SystemName string
	Value      string
}

// ExternalIDEntity is the entity that carries an external value, as the
// reverse look-up (GET /externalid/{entityType}/{systemName}/?value=…)
// returns it: the entity's own object, of which the client keeps the id,
// the uri, the name when it has one, and its external ids.
type ExternalIDEntity struct {
	ID          int64            `json:"id"`
	URI         string           `json:"uri"`
	Name        string           `json:"name"`
	ExternalIDs ExternalIDValues `json:"externalIds"`
}

// ExternalIDValues are an entity's external ids by system name. ServiceTrade
// may render an empty set as an empty array rather than an empty object;
// null and empty values are left out.
type ExternalIDValues map[string]string

// UnmarshalJSON reads an object of strings, or an empty array or null as
// no values.
func (v *ExternalIDValues) UnmarshalJSON(b []byte) error {
	out := ExternalIDValues{}
	raw := bytes.TrimSpace(b)
	if len(raw) > 0 && string(raw) != "null" && string(raw) != "[]" {
		var withNulls map[string]*string
		if err := json.Unmarshal(raw, &withNulls); err != nil {
			return fmt.Errorf("external ids: %w", err)
		}
		for system, s := range withNulls {
			if s != nil && *s != "" {
				out[system] = *s
			}
		}
	}
	*v = out
	return nil
}

// NoExternalIDError says that the entity exists, and so does the system,
// but the entity has no value in that system: ServiceTrade answers 200 with
// a null or empty value. It counts as not found (IsNotFound), so that a
// value removed out of band leaves the state.
type NoExternalIDError struct {
	EntityType string
	EntityID   int64
	SystemName string
}

func (e *NoExternalIDError) Error() string {
	return fmt.Sprintf("ServiceTrade %s %d has no external id in external system %q", e.EntityType, e.EntityID, e.SystemName)
}

// NotFound makes IsNotFound true.
func (e *NoExternalIDError) NotFound() bool { return true }

// externalIDPath is /externalid/{entityType}/{entityId}[/{systemName}].
func externalIDPath(entityType string, entityID int64, systemName ...string) string {
	p := "/externalid/" + url.PathEscape(entityType) + "/" + strconv.FormatInt(entityID, 10)
	for _, s := range systemName {
		p += "/" + url.PathEscape(s)
	}
	return p
}

// externalIDValue is the answer of a single-system GET, POST or PUT.
// "value" is null or "" when the entity has none.
type externalIDValue struct {
	Value *string `json:"value"`
}

// externalIDInput is the body of POST and PUT: the other documented
// parameters are the path's. syncId is never sent, so that ServiceTrade
// records its manual sync as it does for people.
type externalIDInput struct {
	Value string `json:"value"`
}

// GetExternalID reads the value system gives the entity. IsNotFound(err)
// when the entity does not exist, no external system has that name
// (both 404), or the entity has no value in it (*NoExternalIDError).
func (c *Client) GetExternalID(ctx context.Context, entityType string, entityID int64, systemName string) (*ExternalID, error) {
	v, err := fetch[externalIDValue](ctx, c, http.MethodGet, externalIDPath(entityType, entityID, systemName), nil, nil)
	if err != nil {
		return nil, err
	}
	if v.Value == nil || *v.Value == "" {
		return nil, &NoExternalIDError{EntityType: entityType, EntityID: entityID, SystemName: systemName}
	}
	return &ExternalID{EntityType: entityType, EntityID: entityID, SystemName: systemName, Value: *v.Value}, nil
}

// ListExternalIDs returns every value the entity has, by system name
// (GET /externalid/{entityType}/{entityId}); IsNotFound(err) when the entity
// does not exist. An entity with none may come back as an empty array
// rather than an empty object.
func (c *Client) ListExternalIDs(ctx context.Context, entityType string, entityID int64) (ExternalIDValues, error) {
	var out struct {
		Values ExternalIDValues `json:"values"`
	}
	if err := c.call(ctx, http.MethodGet, externalIDPath(entityType, entityID), nil, nil, &out); err != nil {
		return nil, err
	}
	if out.Values == nil {
		out.Values = ExternalIDValues{}
	}
	return out.Values, nil
}

// CreateExternalID sets the value system gives the entity with POST, which
// replaces any value the entity has in that system: callers check first.
// IsNotFound(err) when the entity or the system does not exist.
func (c *Client) CreateExternalID(ctx context.Context, entityType string, entityID int64, systemName, value string) (*ExternalID, error) {
	return c.setExternalID(ctx, http.MethodPost, entityType, entityID, systemName, value)
}

// UpdateExternalID sets the value system gives the entity with PUT.
func (c *Client) UpdateExternalID(ctx context.Context, entityType string, entityID int64, systemName, value string) (*ExternalID, error) {
	return c.setExternalID(ctx, http.MethodPut, entityType, entityID, systemName, value)
}

// RemoveExternalID removes the value system gives the entity: a PUT of the
// empty string, since the API has no DELETE (405). IsNotFound(err) when the
// entity or the system does not exist.
func (c *Client) RemoveExternalID(ctx context.Context, entityType string, entityID int64, systemName string) error {
	return c.call(ctx, http.MethodPut, externalIDPath(entityType, entityID, systemName), nil, externalIDInput{Value: ""}, nil)
}

func (c *Client) setExternalID(ctx context.Context, method, entityType string, entityID int64, systemName, value string) (*ExternalID, error) {
	v, err := fetch[externalIDValue](ctx, c, method, externalIDPath(entityType, entityID, systemName), nil, externalIDInput{Value: value})
	if err != nil {
		return nil, err
	}
	got := value
	if v.Value != nil && *v.Value != "" {
		got = *v.Value
	}
	return &ExternalID{EntityType: entityType, EntityID: entityID, SystemName: systemName, Value: got}, nil
}

// FindExternalIDEntity returns the entity of that type that system
// identifies by value: GET /externalid/{entityType}/{systemName}/?value=…
// (the query form, so that any value fits). IsNotFound(err) when none
// does, or when no system has that name.
func (c *Client) FindExternalIDEntity(ctx context.Context, entityType, systemName, value string) (*ExternalIDEntity, error) {
	p := "/externalid/" + url.PathEscape(entityType) + "/" + url.PathEscape(systemName) + "/"
	return fetch[ExternalIDEntity](ctx, c, http.MethodGet, p, url.Values{"value": {value}}, nil)
}
