package kickserv

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// base is embedded by every Kickserv resource and data source: it keeps the
// provider data and hands out the shared client.
type base struct {
	data *providerdata.Data
}

func (b *base) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.data = providerdata.FromResource(req, resp)
}

// client returns the shared Kickserv client, or adds an error saying which
// settings are missing.
func (b *base) client(diags *diag.Diagnostics) (*api.Client, bool) {
	if b.data == nil {
		diags.AddError("Provider not configured", "The fieldservice provider was not configured before this Kickserv object was used; this is a bug, please report it.")
		return nil, false
	}
	return b.data.Kickserv.Get(diags)
}

// ModifyPlan refuses, at plan time, to plan changes to a Kickserv object
// when Kickserv is not configured.
func (b *base) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if b.data != nil {
		b.data.Kickserv.Get(&resp.Diagnostics)
	}
}

// dsBase is base for data sources.
type dsBase struct{ base }

func (b *dsBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = providerdata.FromDataSource(req, resp)
}

// parseNumber reads an employee number (the URL key, and the Terraform id)
// from state or an import id.
func parseNumber(raw string) (int64, error) {
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("a Kickserv employee number is a positive whole number such as 12 (the number in the employee's URL, not the internal employee id), got %q", raw)
	}
	return n, nil
}

func formatNumber(n int64) string { return strconv.FormatInt(n, 10) }
