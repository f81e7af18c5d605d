package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// ListAll is the whole Read of a plural data source that shows every
// object list returns: items is the model's list, each element set from
// one object. plural names the objects in the error of a failed listing:
// "webhooks".
func ListAll[C, M, T, E any](ctx context.Context, b *DataBase[C], req datasource.ReadRequest, resp *datasource.ReadResponse, plural string,
	list func(ctx context.Context, c C, cfg *M) ([]T, error), items func(*M) *[]E, set func(*E, *T)) {
	var m M
	b.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, diags *diag.Diagnostics) bool {
		all, err := list(ctx, c, &m)
		if err != nil {
			diags.AddError("Listing "+b.Type.Vendor.Name+" "+plural+" failed", err.Error())
			return false
		}
		// Not nil: no objects is an empty list, not a null one.
		out := make([]E, len(all))
		for i := range all {
			set(&out[i], &all[i])
		}
		*items(&m) = out
		return true
	})
}
