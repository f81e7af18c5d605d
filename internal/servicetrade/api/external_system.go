package api

import (
	"context"
	"encoding/json"
	"net/http"
)

// ExternalSystem is a system ServiceTrade syncs with, such as an accounting
// package (GET /externalsystem/{id}). It has no uri, and the API cannot
// delete it (DELETE answers 405).
type ExternalSystem struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Label string `json:"label"`
	Type  string `json:"type"`
	// SyncableTypes is set by the client for "standard" systems and
	// computed by ServiceTrade for the other types.
	SyncableTypes []string `json:"syncableTypes"`
	// Properties are read-only settings whose keys depend on the type.
	Properties json.RawMessage `json:"properties,omitempty"`
	Created    int64           `json:"created"`
	Updated    int64           `json:"updated"`
}

// ExternalSystemTypeStandard is the default external system type, the only
// one whose syncable types the client sets.
const ExternalSystemTypeStandard = "standard"

// ExternalSystemTypes are the documented values of ExternalSystem.Type.
var ExternalSystemTypes = []string{ExternalSystemTypeStandard, "quickbooks", "intacct", "nearbynow", "dcspectrum", "fattmerchant"}

// SyncableTypes are the documented values of ExternalSystem.SyncableTypes.
var SyncableTypes = []string{"invoice", "job"}

// ExternalSystemInput is the body of POST /externalsystem. SyncableTypes
// must stay nil for systems that are not "standard" (the API computes it);
// a pointer to an empty slice sends [].
type ExternalSystemInput struct {
	Name          string    `json:"name"`
	Type          string    `json:"type,omitempty"`
	Label         string    `json:"label"`
	SyncableTypes *[]string `json:"syncableTypes,omitempty"`
}

// ExternalSystemUpdate is the body of PUT /externalsystem/{id}, a partial
// update. Name and type cannot be changed, so they are not part of it.
type ExternalSystemUpdate struct {
	Label         *string   `json:"label,omitempty"`
	SyncableTypes *[]string `json:"syncableTypes,omitempty"`
}

// externalSystems are at /externalsystem. Their list is not paged (see
// ListExternalSystems).
var externalSystems = collection[ExternalSystem]{path: "/externalsystem"}

// GetExternalSystem reads one external system; IsNotFound(err) when it does
// not exist (a 404 the docs do not list, treated as gone).
func (c *Client) GetExternalSystem(ctx context.Context, id int64) (*ExternalSystem, error) {
	return externalSystems.get(ctx, c, id)
}

// CreateExternalSystem registers an external system and returns it as
// stored. It can never be deleted through the API.
func (c *Client) CreateExternalSystem(ctx context.Context, in ExternalSystemInput) (*ExternalSystem, error) {
	return externalSystems.create(ctx, c, in)
}

// UpdateExternalSystem changes the fields set in in and returns the system
// as stored.
func (c *Client) UpdateExternalSystem(ctx context.Context, id int64, in ExternalSystemUpdate) (*ExternalSystem, error) {
	return externalSystems.update(ctx, c, id, in)
}

// ListExternalSystems returns every external system of the account. Unlike
// other lists, "data" is a bare array with no pages.
func (c *Client) ListExternalSystems(ctx context.Context) ([]ExternalSystem, error) {
	var list []ExternalSystem
	if err := c.call(ctx, http.MethodGet, externalSystems.path, nil, nil, &list); err != nil {
		return nil, err
	}
	return list, nil
}
