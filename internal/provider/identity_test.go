package provider_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// wantIdentity is the identity of every resource of the provider: the
// attributes a person names an object by, typed as the resource's
// attributes. A new resource fails TestIdentitySchemas until it is added.
var wantIdentity = map[string]map[string]tftypes.Type{
	"fieldservice_servicetrade_region":              {"id": tftypes.String},
	"fieldservice_servicetrade_webhook":             {"id": tftypes.String},
	"fieldservice_servicetrade_external_system":     {"id": tftypes.String},
	"fieldservice_servicetrade_quote_template":      {"id": tftypes.String},
	"fieldservice_servicetrade_quote_template_item": {"quote_template_id": tftypes.Number, "id": tftypes.String},
	"fieldservice_servicetrade_contract":            {"id": tftypes.String},
	"fieldservice_servicetrade_contract_rule":       {"contract_id": tftypes.Number, "id": tftypes.String},
	"fieldservice_servicetrade_terms":               {"id": tftypes.String},
	"fieldservice_servicetrade_tax_group":           {"id": tftypes.String},
	"fieldservice_servicetrade_tag":                 {"id": tftypes.String},
	"fieldservice_servicetrade_service_template":    {"id": tftypes.String},
	"fieldservice_servicetrade_lib_item":            {"id": tftypes.String},
	"fieldservice_servicetrade_warehouse":           {"id": tftypes.String},
	"fieldservice_servicetrade_external_id":         {"entity_type": tftypes.String, "entity_id": tftypes.Number, "system_name": tftypes.String},
	"fieldservice_servicetrade_brand":               {"company_id": tftypes.Number, "id": tftypes.String},
	"fieldservice_servicetrade_user":                {"id": tftypes.String},
	"fieldservice_servicetrade_user_value":          {"user_id": tftypes.Number, "name": tftypes.String},
	"fieldservice_servicetrade_user_role":           {"user_id": tftypes.Number, "role_id": tftypes.Number},
	"fieldservice_kimoby_webhook":                   {"id": tftypes.String},
	"fieldservice_kickserv_employee":                {"id": tftypes.String},
}

// Every resource of the provider (the list comes from the provider
// itself) declares an identity: the expected attributes, each needed to
// import (RequiredForImport), described, and of the type of the resource's
// attribute of the same name.
func TestIdentitySchemas(t *testing.T) {
	ctx := context.Background()
	p := provider.New("test")()
	var names []string
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "fieldservice"}, &md)
		names = append(names, md.TypeName)
		if _, ok := r.(resource.ResourceWithIdentity); !ok {
			t.Errorf("%s does not implement resource.ResourceWithIdentity", md.TypeName)
		}
	}
	if len(names) == 0 {
		t.Fatal("the provider lists no resources")
	}

	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	identities, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(schemas.Diagnostics, identities.Diagnostics...) {
		t.Errorf("diagnostic: %s: %s", d.Summary, d.Detail)
	}
	if len(identities.IdentitySchemas) != len(schemas.ResourceSchemas) {
		t.Errorf("%d identity schemas for %d resources", len(identities.IdentitySchemas), len(schemas.ResourceSchemas))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, ok := wantIdentity[name]
			if !ok {
				t.Fatalf("%s is missing from wantIdentity: add the identity it should have", name)
			}
			id := identities.IdentitySchemas[name]
			if id == nil {
				t.Fatalf("%s has no identity schema", name)
			}
			if id.Version != 0 {
				t.Errorf("identity schema version %d, want 0", id.Version)
			}
			attrs := map[string]tftypes.Type{}
			for _, a := range id.IdentityAttributes {
				attrs[a.Name] = a.Type
				if !a.RequiredForImport || a.OptionalForImport {
					t.Errorf("%s: RequiredForImport=%v OptionalForImport=%v, want true/false", a.Name, a.RequiredForImport, a.OptionalForImport)
				}
				if a.Description == "" {
					t.Errorf("%s has no description", a.Name)
				}
				ra := resourceAttribute(schemas.ResourceSchemas[name], a.Name)
				switch {
				case ra == nil:
					t.Errorf("identity attribute %s is not an attribute of the resource", a.Name)
				case !ra.Type.Equal(a.Type):
					t.Errorf("identity attribute %s is a %s, the resource's a %s", a.Name, a.Type, ra.Type)
				}
			}
			if !sameTypes(attrs, want) {
				t.Errorf("identity attributes %v, want %v", describeTypes(attrs), describeTypes(want))
			}
		})
	}
	for name := range wantIdentity {
		if !slices.Contains(names, name) {
			t.Errorf("wantIdentity lists %s, which the provider does not have", name)
		}
	}
}

func resourceAttribute(s *tfprotov6.Schema, name string) *tfprotov6.SchemaAttribute {
	if s == nil {
		return nil
	}
	for _, a := range s.Block.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func sameTypes(a, b map[string]tftypes.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for k, t := range a {
		if u, ok := b[k]; !ok || !t.Equal(u) {
			return false
		}
	}
	return true
}

func describeTypes(m map[string]tftypes.Type) string {
	parts := make([]string, 0, len(m))
	for k, t := range m {
		parts = append(parts, k+":"+t.String())
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
