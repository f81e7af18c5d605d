package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// TestSchemaDump writes everything the provider declares, to compare two
// versions byte for byte (a change meant to be invisible, such as one that
// makes schemas cheaper to build):
//
//	FIELDSERVICE_SCHEMA_DUMP=/tmp/before.json go test ./internal/provider/ -run TestSchemaDump -count=1
//
// The file holds the protocol's answers (GetProviderSchema,
// GetResourceIdentitySchemas, GetMetadata) and, from the framework's schema
// values, what the protocol does not carry: every validator, plan modifier
// and default, by type and description, with their fields.
func TestSchemaDump(t *testing.T) {
	out := os.Getenv("FIELDSERVICE_SCHEMA_DUMP")
	if out == "" {
		t.Skip("set FIELDSERVICE_SCHEMA_DUMP to the file to write")
	}
	ctx := context.Background()
	srv := newStartServer(t)
	dump := map[string]any{}
	sch, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	dump["GetProviderSchema"] = sch
	ids, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	dump["GetResourceIdentitySchemas"] = ids
	md, err := srv.GetMetadata(ctx, &tfprotov6.GetMetadataRequest{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(md.Resources, func(i, j int) bool { return md.Resources[i].TypeName < md.Resources[j].TypeName })
	sort.Slice(md.DataSources, func(i, j int) bool { return md.DataSources[i].TypeName < md.DataSources[j].TypeName })
	sort.Slice(md.ListResources, func(i, j int) bool { return md.ListResources[i].TypeName < md.ListResources[j].TypeName })
	sort.Slice(md.Functions, func(i, j int) bool { return md.Functions[i].Name < md.Functions[j].Name })
	dump["GetMetadata"] = md

	p := provider.New("dump")().(*provider.Provider)
	var ps fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &ps)
	framework := map[string]any{"provider": deepDump(ctx, reflect.ValueOf(ps.Schema), 0)}
	for _, f := range p.Resources(ctx) {
		r := f()
		var m resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "fieldservice"}, &m)
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		framework["resource "+m.TypeName] = deepDump(ctx, reflect.ValueOf(s), 0)
		if ri, ok := r.(resource.ResourceWithIdentity); ok {
			var is resource.IdentitySchemaResponse
			ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
			framework["identity "+m.TypeName] = deepDump(ctx, reflect.ValueOf(is), 0)
		}
	}
	for _, f := range p.DataSources(ctx) {
		d := f()
		var m datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "fieldservice"}, &m)
		var s datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &s)
		framework["data "+m.TypeName] = deepDump(ctx, reflect.ValueOf(s), 0)
		if dv, ok := d.(datasource.DataSourceWithConfigValidators); ok {
			framework["data validators "+m.TypeName] = deepDump(ctx, reflect.ValueOf(dv.ConfigValidators(ctx)), 0)
		}
	}
	for _, f := range p.ListResources(ctx) {
		l := f()
		var m resource.MetadataResponse
		l.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "fieldservice"}, &m)
		var s list.ListResourceSchemaResponse
		l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &s)
		framework["list "+m.TypeName] = deepDump(ctx, reflect.ValueOf(s), 0)
	}
	dump["framework"] = framework
	b, err := json.MarshalIndent(dump, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d bytes to %s", len(b), out)
}

type described interface {
	Description(context.Context) string
	MarkdownDescription(context.Context) string
}

// deepDump renders v with its unexported fields, maps in key order,
// anything with a Description (validators, plan modifiers, defaults) by its
// type and descriptions besides its fields, and a regexp by its source.
func deepDump(ctx context.Context, v reflect.Value, depth int) any {
	if depth > 60 {
		return "(too deep)"
	}
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		if v.Type() == reflect.TypeFor[*regexp.Regexp]() {
			// Its source; the compiled program is unexported state.
			return "regexp " + v.Elem().FieldByName("expr").String()
		}
		if d, ok := asInterface(v).(described); ok {
			return map[string]any{
				"@type": fmt.Sprintf("%T", d), "@description": d.Description(ctx), "@markdown": d.MarkdownDescription(ctx),
				"value": deepDump(ctx, v.Elem(), depth+1),
			}
		}
		return deepDump(ctx, v.Elem(), depth+1)
	case reflect.Struct:
		m := map[string]any{"@type": v.Type().String()}
		for i := 0; i < v.NumField(); i++ {
			m[v.Type().Field(i).Name] = deepDump(ctx, v.Field(i), depth+1)
		}
		return m
	case reflect.Map:
		keys := v.MapKeys()
		out := make(map[string]any, len(keys))
		for _, k := range keys {
			out[fmt.Sprint(deepDump(ctx, k, depth+1))] = deepDump(ctx, v.MapIndex(k), depth+1)
		}
		return out
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = deepDump(ctx, v.Index(i), depth+1)
		}
		return out
	case reflect.Func:
		if v.IsNil() {
			return nil
		}
		return "func"
	case reflect.Chan, reflect.UnsafePointer:
		return v.Kind().String()
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return v.Kind().String()
}

// asInterface is v's value when reflection may hand it out (an exported
// path), else nil.
func asInterface(v reflect.Value) any {
	if !v.CanInterface() {
		return nil
	}
	return v.Interface()
}
