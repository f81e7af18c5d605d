package servicetrade

import (
	"context"
	"math"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// taxGroupModel is the state of a tax group, shared by the resource and
// the data sources.
type taxGroupModel struct {
	ID           types.String  `tfsdk:"id"`
	URI          types.String  `tfsdk:"uri"`
	Code         types.String  `tfsdk:"code"`
	Name         types.String  `tfsdk:"name"`
	State        types.String  `tfsdk:"state"`
	CombinedRate types.Float64 `tfsdk:"combined_rate"`
	PostalCodes  types.Set     `tfsdk:"postal_codes"`
	Created      types.Int64   `tfsdk:"created"`
	Updated      types.Int64   `tfsdk:"updated"`
}

// taxGroupResourceModel is the resource's state: the tax group as the data
// sources show it, and allow_duplicate, which concerns only the provider.
type taxGroupResourceModel struct {
	taxGroupModel
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// taxRateTolerance is how far apart two combined rates may be and still be
// the same rate: a millionth (0.0001 percentage point), far below any real
// tax rate's precision, and above what storing the rate as a decimal of six
// places or as a single-precision float changes. A rate the API returns
// within it of the prior value (the configuration's, or the state's) keeps
// the prior value, so that 0.085 read back as 0.08499999 or as
// 0.0850000001 never shows as a change.
const taxRateTolerance = 1e-6

// sameRate is the rate to record: prior when the API's rate is the same
// rate within taxRateTolerance, else the API's.
func sameRate(prior types.Float64, got float64) types.Float64 {
	if !prior.IsNull() && !prior.IsUnknown() && math.Abs(prior.ValueFloat64()-got) < taxRateTolerance {
		return prior
	}
	return types.Float64Value(got)
}

// sendsChange reports whether an update from this plan sends ServiceTrade
// anything that differs from the prior state: a code, name, state or set of
// postal codes that differs, or a rate that is not the same rate within
// taxRateTolerance. Rates are compared as numbers, never with attr.Value
// Equal: a rate from the configuration is an exact decimal (0.0975 parsed
// with 512 bits of precision) while one read from ServiceTrade is the
// nearest float64, so the two are never Equal, although they are the same
// rate (and Terraform, comparing them as float64, plans no change for
// them). An unknown planned value counts as a change.
func (m taxGroupModel) sendsChange(prior taxGroupModel) bool {
	for _, pair := range [][2]attr.Value{{m.Code, prior.Code}, {m.Name, prior.Name}, {m.State, prior.State}, {m.PostalCodes, prior.PostalCodes}} {
		if pair[0].IsUnknown() || !pair[0].Equal(pair[1]) {
			return true
		}
	}
	if m.CombinedRate.IsUnknown() || m.CombinedRate.IsNull() || prior.CombinedRate.IsNull() || prior.CombinedRate.IsUnknown() {
		return !m.CombinedRate.Equal(prior.CombinedRate) || m.CombinedRate.IsUnknown()
	}
	return math.Abs(m.CombinedRate.ValueFloat64()-prior.CombinedRate.ValueFloat64()) >= taxRateTolerance
}

// fromAPI fills the model from the API object. The model holds the prior
// value (state on a read, plan after a create or update, null in a data
// source) so that the rate is compared numerically (sameRate).
func (m *taxGroupModel) fromAPI(tg *api.TaxGroup) diag.Diagnostics {
	m.ID = types.StringValue(formatID(tg.ID))
	m.URI = types.StringValue(tg.URI)
	m.Code = types.StringValue(tg.Code)
	m.Name = types.StringValue(tg.Name)
	m.State = types.StringValue(tg.State)
	m.CombinedRate = sameRate(m.CombinedRate, tg.CombinedRate)
	m.Created = types.Int64Value(tg.Created)
	m.Updated = types.Int64Value(tg.Updated)
	var diags diag.Diagnostics
	m.PostalCodes, diags = postalCodeSet(tg.PostalCodes)
	return diags
}

// postalCodeSet is the API's postal codes as a set, never null (the API
// always returns an array, [] for none); a code listed twice counts once.
func postalCodeSet(codes []string) (types.Set, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(codes))
	seen := map[string]bool{}
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			elems = append(elems, types.StringValue(c))
		}
	}
	return types.SetValue(types.StringType, elems)
}

// toInput builds the POST and PUT body from a plan: every field, the
// postal codes sorted (an empty set sends [], which clears them on PUT).
func (m taxGroupModel) toInput(ctx context.Context) (api.TaxGroupInput, diag.Diagnostics) {
	in := api.TaxGroupInput{
		Code: m.Code.ValueString(), Name: m.Name.ValueString(), State: m.State.ValueString(),
		CombinedRate: m.CombinedRate.ValueFloat64(), PostalCodes: []string{},
	}
	var diags diag.Diagnostics
	if !m.PostalCodes.IsNull() && !m.PostalCodes.IsUnknown() {
		diags = m.PostalCodes.ElementsAs(ctx, &in.PostalCodes, false)
		slices.Sort(in.PostalCodes)
	}
	return in, diags
}
