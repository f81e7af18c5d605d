package acctest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Listed is one result of a list resource, as Terraform 1.14's
// `terraform query` receives it.
type Listed struct {
	Name     string
	Identity map[string]tftypes.Value
	// Resource is the object, null unless the request included it.
	Resource tftypes.Value
}

// List runs ValidateListResourceConfig and ListResource for the list
// resource of the harness's type, with filter (the list block's config:
// the given attributes, the rest null), as Terraform 1.14 does, and returns
// the results and every diagnostic. A call that fails fails the test.
func (p *Protocol) List(filter map[string]tftypes.Value, includeResource bool, limit int64) ([]Listed, []*tfprotov6.Diagnostic) {
	p.T.Helper()
	ls, ok := p.Srv.(tfprotov6.ProviderServerWithListResource) //nolint:staticcheck // the only way the protocol offers it until it is part of ProviderServer.
	if !ok {
		p.T.Fatal("the provider server does not serve list resources")
	}
	sch, err := p.Srv.GetProviderSchema(p.Ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		p.T.Fatal(err)
	}
	lsch := sch.ListResourceSchemas[p.TypeName]
	if lsch == nil {
		p.T.Fatalf("the provider has no list resource %s", p.TypeName)
	}
	cfgTyp := objectType(p.T, lsch.ValueType())
	cfg := Dynamic(p.T, cfgTyp, Object(cfgTyp, filter))
	v, err := ls.ValidateListResourceConfig(p.Ctx, &tfprotov6.ValidateListResourceConfigRequest{TypeName: p.TypeName, Config: cfg})
	if err != nil {
		p.T.Fatal(err)
	}
	if hasError(v.Diagnostics) {
		return nil, v.Diagnostics
	}
	stream, err := ls.ListResource(p.Ctx, &tfprotov6.ListResourceRequest{TypeName: p.TypeName, Config: cfg, IncludeResource: includeResource, Limit: limit})
	if err != nil {
		p.T.Fatal(err)
	}
	idTyp := p.IdentityType()
	var out []Listed
	var diags []*tfprotov6.Diagnostic
	for r := range stream.Results {
		diags = append(diags, r.Diagnostics...)
		if hasError(r.Diagnostics) {
			continue
		}
		l := Listed{Name: r.DisplayName, Resource: tftypes.NewValue(p.Typ, nil)}
		if r.Identity == nil || r.Identity.IdentityData == nil {
			p.T.Fatalf("ListResource %s: result %q has no identity", p.TypeName, r.DisplayName)
		}
		id, err := r.Identity.IdentityData.Unmarshal(idTyp)
		if err != nil {
			p.T.Fatal(err)
		}
		if err := id.As(&l.Identity); err != nil {
			p.T.Fatal(err)
		}
		if r.Resource != nil {
			l.Resource = p.Value(r.Resource)
		}
		out = append(out, l)
	}
	return out, diags
}

// IdentityType is the object type of the harness's type's identity.
func (p *Protocol) IdentityType() tftypes.Object {
	p.T.Helper()
	resp, err := p.Srv.GetResourceIdentitySchemas(p.Ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		p.T.Fatal(err)
	}
	NoErrors(p.T, "GetResourceIdentitySchemas", resp.Diagnostics)
	s := resp.IdentitySchemas[p.TypeName]
	if s == nil {
		p.T.Fatalf("%s has no identity schema", p.TypeName)
	}
	attrs := map[string]tftypes.Type{}
	for _, a := range s.IdentityAttributes {
		attrs[a.Name] = a.Type
	}
	return tftypes.Object{AttributeTypes: attrs}
}

// GeneratedConfig is the configuration `terraform query
// -generate-config-out` writes from a listed object: its attributes
// without the computed-only ones, and without sensitive and write-only
// values, which Terraform never writes out.
func (p *Protocol) GeneratedConfig(object tftypes.Value) tftypes.Value {
	p.T.Helper()
	var vals map[string]tftypes.Value
	if err := object.As(&vals); err != nil {
		p.T.Fatal(err)
	}
	out := map[string]tftypes.Value{}
	for _, a := range p.Schema.Block.Attributes {
		if (a.Computed && !a.Optional) || a.Sensitive || a.WriteOnly {
			continue
		}
		out[a.Name] = vals[a.Name]
	}
	return Object(p.Typ, out)
}

// CheckAdoptable checks that a listed object is what an import followed by
// a refresh makes of it (a Read changes nothing), and that the
// configuration generated from it is valid and plans no change to it.
func (p *Protocol) CheckAdoptable(object tftypes.Value) {
	p.T.Helper()
	if read := p.Read(object); !read.Equal(object) {
		p.T.Errorf("%s: a refresh of the listed object changes it:\n%s", p.TypeName, diffValues(object, read))
	}
	generated := p.GeneratedConfig(object)
	NoErrors(p.T, "ValidateResourceConfig of the generated configuration", p.Validate(generated, true))
	resp := p.PlanResponse(object, generated)
	NoErrors(p.T, "PlanResourceChange", resp.Diagnostics)
	if len(resp.RequiresReplace) > 0 {
		p.T.Errorf("%s: the generated configuration replaces the object because of %v", p.TypeName, resp.RequiresReplace)
	}
	if planned := p.Value(resp.PlannedState); !planned.Equal(object) {
		p.T.Errorf("%s: the generated configuration plans a change:\n%s", p.TypeName, diffValues(object, planned))
	}
}

// ListedNames are the display names of results, sorted.
func ListedNames(results []Listed) []string {
	names := make([]string, len(results))
	for i, r := range results {
		names[i] = r.Name
	}
	sort.Strings(names)
	return names
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// diffValues names the top-level attributes whose values differ.
func diffValues(want, got tftypes.Value) string {
	var w, g map[string]tftypes.Value
	if want.As(&w) != nil || got.As(&g) != nil {
		return fmt.Sprintf("want %s\ngot  %s", want, got)
	}
	var lines []string
	for name, v := range w {
		if !v.Equal(g[name]) {
			lines = append(lines, fmt.Sprintf("  %s: %s -> %s", name, v, g[name]))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
