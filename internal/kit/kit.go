// Package kit is how every resource and data source is written: a
// descriptor per Terraform type (Type), from which one shared base supplies
// Metadata, Configure, the vendor check at plan time and typed import
// (Base), and helpers that do the plumbing of each CRUD method (read the
// state, pick the client, parse the id, treat "gone" the same everywhere,
// save the result). A resource is then its schema, its model mapping and
// its API calls.
//
// The model to copy is the ServiceTrade webhook
// (internal/servicetrade/webhook_resource.go).
package kit

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// Vendor is one vendor as types name it and find its client.
type Vendor[C any] struct {
	// Name as users know it, in messages: "ServiceTrade".
	Name string
	// Prefix in type names: "servicetrade" in fieldservice_servicetrade_*.
	Prefix string
	// Client selects the vendor's client from the provider data.
	Client func(*providerdata.Data) providerdata.Vendor[C]
}

// DataSource is the DataBase of the vendor's data source
// fieldservice_<prefix>_<name>, whose configuration gives exactly one of
// the oneOf attributes, if any.
func (v Vendor[C]) DataSource(name string, oneOf ...string) DataBase[C] {
	return DataBase[C]{Type: DataType[C]{Vendor: v, Name: name, OneOf: oneOf}}
}

// Of is a vendor package's list of constructors of one kind (its
// Resources, DataSources or Functions), the element type inferred:
// kit.Of(NewWebhookResource, NewRegionResource).
func Of[T any](constructors ...func() T) []func() T { return constructors }

// Type describes one Terraform type of a vendor.
type Type[C any, K any] struct {
	Vendor Vendor[C]
	// Name follows the vendor prefix in the type name: "webhook" makes
	// fieldservice_servicetrade_webhook.
	Name string
	// Kind names one object in messages: "webhook", "contract rule".
	// Empty: Name with spaces for underscores.
	Kind string
	// ID says how the object's id reads, in state and in an import.
	ID ID[K]
	// ProviderSide holds the attributes that concern the provider only
	// (allow_duplicate, force_delete), with their defaults: a change of
	// them alone updates the state without calling the vendor
	// (Base.UpdateWith), and an import sets their defaults, so that an
	// imported object plans no change.
	ProviderSide map[string]attr.Value
	// Deleting names what Delete does in its error summary, for objects
	// the API cannot delete: "Deactivating". Empty: "Deleting".
	Deleting string
	// KeepsKey is true for objects whose natural key outlives their
	// Delete (a Kickserv employee made inactive keeps its username):
	// DeleteWith then leaves the key taken.
	KeepsKey bool
}

// Base is the Base of a resource of the type.
func (t Type[C, K]) Base() Base[C, K] { return Base[C, K]{Type: t} }

// TypeName is the Terraform type name: "fieldservice_servicetrade_webhook".
func (t Type[C, K]) TypeName() string { return "fieldservice_" + t.Vendor.Prefix + "_" + t.Name }

// KindName names one object in messages: "webhook".
func (t Type[C, K]) KindName() string {
	if t.Kind != "" {
		return t.Kind
	}
	return strings.ReplaceAll(t.Name, "_", " ")
}

// Object names one object in messages: "ServiceTrade webhook 5", or what
// the id format says ("rule 5 of ServiceTrade contract 7").
func (t Type[C, K]) Object(key K) string {
	if t.ID.Describe != nil {
		return t.ID.Describe(t.Vendor.Name, key)
	}
	return fmt.Sprintf("%s %s %v", t.Vendor.Name, t.KindName(), key)
}

// client returns the vendor's client, or adds an error saying which
// settings are missing.
func client[C any](v Vendor[C], data *providerdata.Data, diags *diag.Diagnostics) (C, bool) {
	if data == nil {
		diags.AddError("Provider not configured", "The fieldservice provider was not configured before this "+v.Name+" object was used; this is a bug, please report it.")
		var zero C
		return zero, false
	}
	return v.Client(data).Get(diags)
}
