package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPositive(t *testing.T) {
	for v, ok := range map[float64]bool{0.001: true, 3: true, 0: false, -1: false} {
		resp := &validator.Float64Response{}
		Positive("quantity").ValidateFloat64(context.Background(), validator.Float64Request{Path: path.Root("quantity"), ConfigValue: types.Float64Value(v)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("quantity %g: errors %v, want ok=%v", v, resp.Diagnostics, ok)
		}
	}
	resp := &validator.Float64Response{}
	Positive("quantity").ValidateFloat64(context.Background(), validator.Float64Request{Path: path.Root("quantity"), ConfigValue: types.Float64Unknown()}, resp)
	if resp.Diagnostics.HasError() {
		t.Error("unknown quantity refused; it must wait for apply")
	}
}
