package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// Base is embedded by every resource: from its Type it supplies Metadata,
// Configure, the plan-time vendor check, import and identity
// (identity.go), and the CRUD helpers (crud.go).
type Base[C any, K any] struct {
	Type Type[C, K]
	// Data is the provider's, nil until the provider is configured.
	Data *providerdata.Data
}

// Metadata names the type.
func (b *Base[C, K]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.Type.Vendor.Prefix + "_" + b.Type.Name
}

// Configure keeps the provider data (nil during validation, which every
// method tolerates).
func (b *Base[C, K]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Data = providerdata.FromResource(req, resp)
}

// Client returns the vendor's client, or adds an error saying which
// settings are missing.
func (b *Base[C, K]) Client(diags *diag.Diagnostics) (C, bool) {
	return client(b.Type.Vendor, b.Data, diags)
}

// ModifyPlan refuses, at plan time, to plan changes to an object of a
// vendor that is not configured. Resources with a ModifyPlan of their own
// call it first.
func (b *Base[C, K]) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if b.Data != nil {
		b.Type.Vendor.Client(b.Data).Get(&resp.Diagnostics)
	}
}

// DataType describes one data source type of a vendor.
type DataType[C any] struct {
	Vendor Vendor[C]
	// Name follows the vendor prefix in the type name: "webhooks".
	Name string
	// OneOf lists the attributes of which a configuration gives exactly
	// one: the ways to look the object up ("id", "name").
	OneOf []string
}

// DataBase is embedded by every data source: Metadata, Configure and the
// client.
type DataBase[C any] struct {
	Type DataType[C]
	Data *providerdata.Data
}

// Metadata names the type.
func (b *DataBase[C]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.Type.Vendor.Prefix + "_" + b.Type.Name
}

// Configure keeps the provider data.
func (b *DataBase[C]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Data = providerdata.FromDataSource(req, resp)
}

// ConfigValidators requires exactly one of the type's OneOf attributes.
func (b *DataBase[C]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	if len(b.Type.OneOf) == 0 {
		return nil
	}
	paths := make([]path.Expression, len(b.Type.OneOf))
	for i, name := range b.Type.OneOf {
		paths[i] = path.MatchRoot(name)
	}
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(paths...)}
}

// ReadWith reads the configuration into model, then calls read with the
// client; read looks the object up, sets model and returns false after
// adding an error. The model is then saved as the state.
func (b *DataBase[C]) ReadWith(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, model any,
	read func(ctx context.Context, c C, diags *diag.Diagnostics) bool) {
	c, ok := b.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	if resp.Diagnostics.Append(req.Config.Get(ctx, model)...); resp.Diagnostics.HasError() {
		return
	}
	if read(ctx, c, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
	}
}

// Client returns the vendor's client, or adds an error saying which
// settings are missing.
func (b *DataBase[C]) Client(diags *diag.Diagnostics) (C, bool) {
	return client(b.Type.Vendor, b.Data, diags)
}

// Keys is the process's natural-key index of the type (lostcreate.Key),
// for updates that change an object's key.
func (b *Base[C, K]) Keys() *naturalkey.Index { return b.Data.Keys.Index(b.Type.TypeName()) }

// KeysWithin is the natural-key index of the type's objects within one
// parent (scope names it: "company 7"), for kinds whose key is unique only
// there, such as a company's brands; Send keeps it when the lookup's Key
// names it.
func (b *Base[C, K]) KeysWithin(scope string) *naturalkey.Index {
	return b.Data.Keys.Index(b.Type.TypeName() + " " + scope)
}
