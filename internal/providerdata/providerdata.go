// Package providerdata is what the provider hands to every resource, data
// source and function after configuration: one client per vendor, or the
// reason that vendor cannot be used, and what every create shares in the
// process. Vendor packages import it; it imports no vendor package but
// their API clients.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	kickservapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	kimobyapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Data is built once per provider process by Configure, and handed out by
// pointer (it must not be copied).
type Data struct {
	ServiceTrade Vendor[*stapi.Client]
	Kimoby       Vendor[*kimobyapi.Client]
	Kickserv     Vendor[*kickservapi.Client]
	// Retry is the provider's retry policy (retry_max_attempts, …), which
	// also bounds how often a create that provably did not happen is sent
	// again (lostcreate.Create). Zero fields mean the transport's defaults.
	Retry transport.RetryPolicy
	// Keys holds, per kind, the objects by natural key, listed once per
	// process and checked before every create of an object that has one
	// (see package naturalkey and lostcreate.Key).
	Keys naturalkey.Registry
}

// Vendor is a configured client, or the error that explains why the vendor
// cannot be used. A vendor that is not configured is fine until a resource
// of that vendor is used.
type Vendor[T any] struct {
	Name   string
	Client T
	Err    error
}

// Get returns the client, or an error diagnostic naming what is missing.
func (v Vendor[T]) Get(diags *diag.Diagnostics) (T, bool) {
	if v.Err != nil {
		diags.AddError(fmt.Sprintf("%s is not configured", v.Name), v.Err.Error())
		var zero T
		return zero, false
	}
	return v.Client, true
}

// FromResource extracts Data in a resource's Configure; nil before the
// provider is configured (validation), which resources must tolerate.
func FromResource(req resource.ConfigureRequest, resp *resource.ConfigureResponse) *Data {
	return from(req.ProviderData, &resp.Diagnostics)
}

// FromDataSource is FromResource for data sources.
func FromDataSource(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *Data {
	return from(req.ProviderData, &resp.Diagnostics)
}

func from(pd any, diags *diag.Diagnostics) *Data {
	if pd == nil {
		return nil
	}
	d, ok := pd.(*Data)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *providerdata.Data, got %T: this is a bug in the provider, please report it", pd))
		return nil
	}
	return d
}
