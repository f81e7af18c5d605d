package servicetrade

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// base is embedded by every ServiceTrade resource and data source: it keeps
// the provider data and hands out the shared client.
type base struct {
	data *providerdata.Data
}

func (b *base) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.data = providerdata.FromResource(req, resp)
}

// client returns the shared ServiceTrade client, or adds an error saying
// which settings are missing.
func (b *base) client(diags *diag.Diagnostics) (*api.Client, bool) {
	if b.data == nil {
		diags.AddError("Provider not configured", "The fieldservice provider was not configured before this ServiceTrade object was used; this is a bug, please report it.")
		return nil, false
	}
	return b.data.ServiceTrade.Get(diags)
}

// ModifyPlan refuses, at plan time, to plan changes to a ServiceTrade object
// when ServiceTrade is not configured. Resources with a ModifyPlan of their
// own call this first.
func (b *base) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if b.data != nil {
		b.data.ServiceTrade.Get(&resp.Diagnostics)
	}
}

// dsBase is base for data sources.
type dsBase struct{ base }

func (b *dsBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = providerdata.FromDataSource(req, resp)
}

// parseID reads a ServiceTrade id (an int64) from state or an import id.
func parseID(kind, raw string) (int64, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("a ServiceTrade %s id is a positive whole number such as 4294967297, got %q", kind, raw)
	}
	return id, nil
}

func formatID(id int64) string { return strconv.FormatInt(id, 10) }
