package kit

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

type gadget struct {
	ID   int64
	Name string
}

type gadgetModel struct {
	Name types.String `tfsdk:"name"`
}

type gadgetsModel struct {
	Prefix  types.String  `tfsdk:"prefix"`
	Gadgets []gadgetModel `tfsdk:"spare_gadgets"`
}

// gadgets is a List of the gadgets whose name starts with the prefix,
// sorted by id; Refetch reads each one again, leaving out id 2 (gone
// since the listing) and failing on id 4.
func gadgets(all []gadget, err error) *List[struct{}, gadgetsModel, gadget, gadgetModel] {
	return &List[struct{}, gadgetsModel, gadget, gadgetModel]{
		DataBase: Vendor[struct{}]{Name: "Acme", Prefix: "acme",
			Client: func(*providerdata.Data) providerdata.Vendor[struct{}] {
				return providerdata.Vendor[struct{}]{Name: "Acme"}
			},
		}.DataSource("spare_gadgets"),
		Description: "Lists the gadgets.",
		Filters:     map[string]schema.Attribute{"prefix": schema.StringAttribute{Optional: true}},
		Items:       "The gadgets, by id.",
		Element:     map[string]schema.Attribute{"name": schema.StringAttribute{Computed: true}},
		List: func(_ context.Context, _ struct{}, cfg *gadgetsModel) ([]gadget, error) {
			var kept []gadget
			for _, g := range all {
				if strings.HasPrefix(g.Name, cfg.Prefix.ValueString()) {
					kept = append(kept, g)
				}
			}
			return kept, err
		},
		Order: func(a, b gadget) int { return cmp.Compare(a.ID, b.ID) },
		Refetch: func(_ context.Context, _ struct{}, listed *gadget, diags *diag.Diagnostics) *gadget {
			switch listed.ID {
			case 2:
				return nil
			case 4:
				diags.AddError("Reading Acme gadget 4 failed", "boom")
				return nil
			}
			return &gadget{ID: listed.ID, Name: listed.Name + " (read)"}
		},
		Of:  func(m *gadgetsModel) *[]gadgetModel { return &m.Gadgets },
		Set: func(e *gadgetModel, g *gadget) { e.Name = types.StringValue(g.Name) },
	}
}

// readGadgets runs the data source's Read with the prefix filter and
// returns the names it shows.
func readGadgets(t *testing.T, d *List[struct{}, gadgetsModel, gadget, gadgetModel], prefix string) ([]string, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	d.Data = &providerdata.Data{}
	var sr datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &sr)
	typ := sr.Schema.Type().TerraformType(ctx)
	items := sr.Schema.Attributes["spare_gadgets"].GetType().TerraformType(ctx)
	config := tftypes.NewValue(typ, map[string]tftypes.Value{
		"prefix":        tftypes.NewValue(tftypes.String, prefix),
		"spare_gadgets": tftypes.NewValue(items, nil),
	})
	req := datasource.ReadRequest{Config: tfsdk.Config{Schema: sr.Schema, Raw: config}}
	resp := datasource.ReadResponse{State: tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, nil)}}
	d.Read(ctx, req, &resp)
	if resp.Diagnostics.HasError() {
		return nil, resp.Diagnostics
	}
	var m gadgetsModel
	resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
	if m.Prefix.ValueString() != prefix {
		t.Errorf("prefix = %s, want %s", m.Prefix, prefix)
	}
	names := []string{}
	for _, g := range m.Gadgets {
		names = append(names, g.Name.ValueString())
	}
	return names, resp.Diagnostics
}

// The schema is the filters beside a computed list named after the type.
func TestListSchema(t *testing.T) {
	var resp datasource.SchemaResponse
	gadgets(nil, nil).Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	list, ok := resp.Schema.Attributes["spare_gadgets"].(schema.ListNestedAttribute)
	if !ok || !list.Computed || list.Description != "The gadgets, by id." || list.NestedObject.Attributes["name"] == nil {
		t.Errorf("list attribute = %#v", resp.Schema.Attributes["spare_gadgets"])
	}
	if resp.Schema.Description != "Lists the gadgets." || len(resp.Schema.Attributes) != 2 || resp.Schema.Attributes["prefix"] == nil {
		t.Errorf("schema = %#v", resp.Schema)
	}
}

// The objects the filter keeps are shown in order, each as read again;
// one gone since the listing is left out; none is an empty list.
func TestListRead(t *testing.T) {
	all := []gadget{{3, "b3"}, {1, "a1"}, {2, "b2"}, {5, "b5"}}
	names, diags := readGadgets(t, gadgets(all, nil), "b")
	if diags.HasError() || strings.Join(names, ",") != "b3 (read),b5 (read)" {
		t.Errorf("names = %q, %v", names, diags)
	}
	names, diags = readGadgets(t, gadgets(all, nil), "z")
	if diags.HasError() || names == nil || len(names) != 0 {
		t.Errorf("names = %q, %v", names, diags)
	}
}

// All lists every object of a list without filters.
func TestListAll(t *testing.T) {
	d := gadgets(nil, nil)
	d.List = nil
	d.All = func(struct{}, context.Context) ([]gadget, error) { return []gadget{{3, "c3"}, {1, "a1"}}, nil }
	names, diags := readGadgets(t, d, "")
	if diags.HasError() || strings.Join(names, ",") != "a1 (read),c3 (read)" {
		t.Errorf("names = %q, %v", names, diags)
	}
}

// A failed listing or read of one object fails the Read, with its error.
func TestListReadFails(t *testing.T) {
	_, diags := readGadgets(t, gadgets(nil, errors.New("503 Service Unavailable")), "")
	if len(diags) != 1 || diags[0].Summary() != "Listing Acme spare gadgets failed" || diags[0].Detail() != "503 Service Unavailable" {
		t.Errorf("diags = %v", diags)
	}
	_, diags = readGadgets(t, gadgets([]gadget{{4, "d4"}, {1, "a1"}}, nil), "")
	if len(diags) != 1 || diags[0].Summary() != "Reading Acme gadget 4 failed" {
		t.Errorf("diags = %v", diags)
	}
}
