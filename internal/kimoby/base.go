package kimoby

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// base is embedded by every Kimoby resource and data source: it keeps the
// provider data and hands out the shared client.
type base struct {
	data *providerdata.Data
}

func (b *base) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.data = providerdata.FromResource(req, resp)
}

// client returns the shared Kimoby client, or adds an error saying which
// settings are missing.
func (b *base) client(diags *diag.Diagnostics) (*api.Client, bool) {
	if b.data == nil {
		diags.AddError("Provider not configured", "The fieldservice provider was not configured before this Kimoby object was used; this is a bug, please report it.")
		return nil, false
	}
	return b.data.Kimoby.Get(diags)
}

// ModifyPlan refuses, at plan time, to plan changes to a Kimoby object when
// Kimoby is not configured.
func (b *base) ModifyPlan(_ context.Context, _ resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if b.data != nil {
		b.data.Kimoby.Get(&resp.Diagnostics)
	}
}

// dsBase is base for data sources.
type dsBase struct{ base }

func (b *dsBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = providerdata.FromDataSource(req, resp)
}

// checkID refuses ids that cannot be Kimoby ids (documented as "Unique string
// identifier", such as "WH487d9d59d5511879e2eda871b5cac50c"). Only the
// obviously wrong is refused: the exact format is not documented.
func checkID(raw string) error {
	if raw == "" || strings.ContainsAny(raw, "/ \t\r\n?#") {
		return fmt.Errorf("a Kimoby webhook id is a string such as \"WH487d9d59d5511879e2eda871b5cac50c\", got %q", raw)
	}
	return nil
}

// normalizeTime renders an API date as RFC 3339 in UTC. The API promises UTC
// ("+00:00") but its examples also carry other offsets; normalising keeps the
// value stable whichever form a response uses. A value that does not parse
// is kept as is.
func normalizeTime(raw string) string {
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return raw
	}
	return t.UTC().Format(time.RFC3339)
}
