package servicetrade

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Contract dates (starts_on, expires_on, review_on) are Unix timestamps in
// the API, which keeps the day only: a POST echoes the timestamp sent, later
// reads show midnight of that day. The provider takes a date ("2026-01-31")
// or an RFC 3339 timestamp ("2026-01-31T15:04:05Z") and stores what the
// configuration says for as long as ServiceTrade holds the same day: the
// string type below is semantically equal to any value of the same UTC day,
// so the framework keeps the prior value after create, update and refresh.
//
// A date is sent as noon UTC of that day. The reference shows the API
// truncating to midnight in the account's time zone (1445522820, 14:07 UTC,
// reads back as 1445486400, 04:00 UTC, midnight in New York); noon UTC falls
// on the same calendar day in every time zone from UTC-12 to UTC+11, so the
// stored day is the one written. (The emulator truncates to midnight UTC.)
// A timestamp is sent as is; its day is its UTC day.

// dayType is the custom string type of contract dates.
type dayType struct{ basetypes.StringType }

var _ basetypes.StringTypable = dayType{}

func (t dayType) Equal(o attr.Type) bool {
	_, ok := o.(dayType)
	return ok
}

func (t dayType) String() string { return "servicetrade.dayType" }

func (t dayType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return dayValue{StringValue: in}, nil
}

func (t dayType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	out, diags := t.ValueFromString(ctx, s)
	if diags.HasError() {
		return nil, fmt.Errorf("converting %s to a day: %v", s, diags)
	}
	return out, nil
}

func (t dayType) ValueType(context.Context) attr.Value { return dayValue{} }

// dayValue is a contract date as written in the configuration.
type dayValue struct{ basetypes.StringValue }

var _ basetypes.StringValuableWithSemanticEquals = dayValue{}

func (v dayValue) Type(context.Context) attr.Type { return dayType{} }

func (v dayValue) Equal(o attr.Value) bool {
	other, ok := o.(dayValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both values denote the same UTC day.
func (v dayValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := newValuable.(dayValue)
	if !ok {
		return false, nil
	}
	a, errA := contractDay(v.ValueString())
	b, errB := contractDay(other.ValueString())
	return errA == nil && errB == nil && a == b, nil
}

func dayNull() dayValue { return dayValue{StringValue: basetypes.NewStringNull()} }

// dayFromUnix renders a stored timestamp as its UTC day, or null.
func dayFromUnix(ts *int64) dayValue {
	if ts == nil {
		return dayNull()
	}
	return dayValue{StringValue: basetypes.NewStringValue(time.Unix(*ts, 0).UTC().Format(time.DateOnly))}
}

// parseContractDate reads a date or an RFC 3339 timestamp; dateOnly tells
// which.
func parseContractDate(s string) (t time.Time, dateOnly bool, err error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is neither a date such as 2026-01-31 nor an RFC 3339 timestamp such as 2026-01-31T15:04:05Z", s)
}

// contractDay is the UTC day a date or timestamp denotes, as "2006-01-02".
func contractDay(s string) (string, error) {
	t, _, err := parseContractDate(s)
	if err != nil {
		return "", err
	}
	return t.UTC().Format(time.DateOnly), nil
}

// contractDateUnix is the timestamp sent for a date (noon UTC) or a
// timestamp (as is).
func contractDateUnix(s string) (int64, error) {
	t, dateOnly, err := parseContractDate(s)
	if err != nil {
		return 0, err
	}
	if dateOnly {
		t = t.Add(12 * time.Hour)
	}
	return t.Unix(), nil
}

// contractDateValidator refuses what is neither a date nor a timestamp.
type contractDateValidator struct{}

func (contractDateValidator) Description(context.Context) string {
	return "must be a date (2026-01-31) or an RFC 3339 timestamp (2026-01-31T15:04:05Z)"
}

func (v contractDateValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (contractDateValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, _, err := parseContractDate(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid contract date", "Attribute "+req.Path.String()+" must be a date or a timestamp: "+err.Error())
	}
}
