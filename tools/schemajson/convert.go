package main

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The JSON below follows `terraform providers schema -json` (format 1.0):
// a block's attributes and nested blocks, each attribute with its type (or
// nested type), description and flags.

type jsonSchema struct {
	Version int64     `json:"version"`
	Block   jsonBlock `json:"block"`
}

type jsonBlock struct {
	Attributes      map[string]jsonAttribute   `json:"attributes,omitempty"`
	BlockTypes      map[string]jsonNestedBlock `json:"block_types,omitempty"`
	Description     string                     `json:"description,omitempty"`
	DescriptionKind string                     `json:"description_kind,omitempty"`
	Deprecated      bool                       `json:"deprecated,omitempty"`
}

type jsonAttribute struct {
	Type            json.RawMessage `json:"type,omitempty"`
	NestedType      *jsonNestedType `json:"nested_type,omitempty"`
	Description     string          `json:"description,omitempty"`
	DescriptionKind string          `json:"description_kind,omitempty"`
	Required        bool            `json:"required,omitempty"`
	Optional        bool            `json:"optional,omitempty"`
	Computed        bool            `json:"computed,omitempty"`
	Sensitive       bool            `json:"sensitive,omitempty"`
	WriteOnly       bool            `json:"write_only,omitempty"`
	Deprecated      bool            `json:"deprecated,omitempty"`
}

type jsonNestedType struct {
	Attributes  map[string]jsonAttribute `json:"attributes"`
	NestingMode string                   `json:"nesting_mode"`
}

type jsonNestedBlock struct {
	Block       jsonBlock `json:"block"`
	NestingMode string    `json:"nesting_mode"`
	MinItems    int64     `json:"min_items,omitempty"`
	MaxItems    int64     `json:"max_items,omitempty"`
}

type jsonIdentitySchema struct {
	Version    int64                            `json:"version"`
	Attributes map[string]jsonIdentityAttribute `json:"attributes"`
}

type jsonIdentityAttribute struct {
	Type              json.RawMessage `json:"type"`
	Description       string          `json:"description,omitempty"`
	RequiredForImport bool            `json:"required_for_import,omitempty"`
	OptionalForImport bool            `json:"optional_for_import,omitempty"`
}

type jsonFunction struct {
	Description        string              `json:"description,omitempty"`
	Summary            string              `json:"summary,omitempty"`
	ReturnType         json.RawMessage     `json:"return_type"`
	Parameters         []jsonFunctionParam `json:"parameters,omitempty"`
	VariadicParameter  *jsonFunctionParam  `json:"variadic_parameter,omitempty"`
	DeprecationMessage string              `json:"deprecation_message,omitempty"`
}

type jsonFunctionParam struct {
	Name           string          `json:"name,omitempty"`
	Description    string          `json:"description,omitempty"`
	IsNullable     bool            `json:"is_nullable,omitempty"`
	AllowNullValue bool            `json:"allow_null_value,omitempty"`
	Type           json.RawMessage `json:"type"`
}

// providerSchema converts the provider's answers.
func providerSchema(sch *tfprotov6.GetProviderSchemaResponse, ids *tfprotov6.GetResourceIdentitySchemasResponse) (map[string]any, error) {
	var err error
	conv := func(s *tfprotov6.Schema) *jsonSchema {
		if s == nil || err != nil {
			return nil
		}
		var b jsonBlock
		b, err = block(s.Block)
		return &jsonSchema{Version: s.Version, Block: b}
	}
	schemas := func(in map[string]*tfprotov6.Schema) map[string]*jsonSchema {
		out := make(map[string]*jsonSchema, len(in))
		for name, s := range in {
			out[name] = conv(s)
		}
		return out
	}
	ps := map[string]any{
		"provider":                   conv(sch.Provider),
		"resource_schemas":           schemas(sch.ResourceSchemas),
		"data_source_schemas":        schemas(sch.DataSourceSchemas),
		"ephemeral_resource_schemas": schemas(sch.EphemeralResourceSchemas),
		"list_resource_schemas":      schemas(sch.ListResourceSchemas),
	}
	identities := map[string]jsonIdentitySchema{}
	for name, s := range ids.IdentitySchemas {
		attrs := map[string]jsonIdentityAttribute{}
		for _, a := range s.IdentityAttributes {
			t, e := typeJSON(a.Type)
			if e != nil {
				return nil, e
			}
			attrs[a.Name] = jsonIdentityAttribute{Type: t, Description: a.Description, RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport}
		}
		identities[name] = jsonIdentitySchema{Version: s.Version, Attributes: attrs}
	}
	ps["resource_identity_schemas"] = identities
	functions := map[string]jsonFunction{}
	for name, f := range sch.Functions {
		jf, e := function(f)
		if e != nil {
			return nil, e
		}
		functions[name] = jf
	}
	ps["functions"] = functions
	return ps, err
}

func block(b *tfprotov6.SchemaBlock) (jsonBlock, error) {
	out := jsonBlock{Description: b.Description, DescriptionKind: kind(b.DescriptionKind), Deprecated: b.Deprecated}
	if len(b.Attributes) > 0 {
		out.Attributes = map[string]jsonAttribute{}
	}
	for _, a := range b.Attributes {
		ja, err := attribute(a)
		if err != nil {
			return out, fmt.Errorf("%s: %w", a.Name, err)
		}
		out.Attributes[a.Name] = ja
	}
	if len(b.BlockTypes) > 0 {
		out.BlockTypes = map[string]jsonNestedBlock{}
	}
	for _, nb := range b.BlockTypes {
		inner, err := block(nb.Block)
		if err != nil {
			return out, fmt.Errorf("%s: %w", nb.TypeName, err)
		}
		out.BlockTypes[nb.TypeName] = jsonNestedBlock{Block: inner, NestingMode: nesting(nb.Nesting.String()), MinItems: nb.MinItems, MaxItems: nb.MaxItems}
	}
	return out, nil
}

func attribute(a *tfprotov6.SchemaAttribute) (jsonAttribute, error) {
	out := jsonAttribute{
		Description: a.Description, DescriptionKind: kind(a.DescriptionKind),
		Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly, Deprecated: a.Deprecated,
	}
	if a.NestedType != nil {
		nt := &jsonNestedType{Attributes: map[string]jsonAttribute{}, NestingMode: nesting(a.NestedType.Nesting.String())}
		for _, na := range a.NestedType.Attributes {
			ja, err := attribute(na)
			if err != nil {
				return out, fmt.Errorf("%s: %w", na.Name, err)
			}
			nt.Attributes[na.Name] = ja
		}
		out.NestedType = nt
		return out, nil
	}
	t, err := typeJSON(a.Type)
	out.Type = t
	return out, err
}

func function(f *tfprotov6.Function) (jsonFunction, error) {
	ret, err := typeJSON(f.Return.Type)
	if err != nil {
		return jsonFunction{}, err
	}
	out := jsonFunction{Description: f.Description, Summary: f.Summary, ReturnType: ret, DeprecationMessage: f.DeprecationMessage}
	param := func(p *tfprotov6.FunctionParameter) (jsonFunctionParam, error) {
		t, err := typeJSON(p.Type)
		return jsonFunctionParam{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, AllowNullValue: p.AllowNullValue, Type: t}, err
	}
	for _, p := range f.Parameters {
		jp, err := param(p)
		if err != nil {
			return out, err
		}
		out.Parameters = append(out.Parameters, jp)
	}
	if f.VariadicParameter != nil {
		jp, err := param(f.VariadicParameter)
		if err != nil {
			return out, err
		}
		out.VariadicParameter = &jp
	}
	return out, nil
}

// typeJSON is a type as Terraform writes it in JSON: "string",
// ["list","string"], ["object",{…}].
func typeJSON(t tftypes.Type) (json.RawMessage, error) {
	if t == nil {
		return nil, nil
	}
	v, err := typeValue(t)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func typeValue(t tftypes.Type) (any, error) {
	switch {
	case t.Is(tftypes.String):
		return "string", nil
	case t.Is(tftypes.Number):
		return "number", nil
	case t.Is(tftypes.Bool):
		return "bool", nil
	case t.Is(tftypes.DynamicPseudoType):
		return "dynamic", nil
	}
	switch tt := t.(type) {
	case tftypes.List:
		return collection("list", tt.ElementType)
	case tftypes.Set:
		return collection("set", tt.ElementType)
	case tftypes.Map:
		return collection("map", tt.ElementType)
	case tftypes.Object:
		attrs := map[string]any{}
		for name, at := range tt.AttributeTypes {
			v, err := typeValue(at)
			if err != nil {
				return nil, err
			}
			attrs[name] = v
		}
		if len(tt.OptionalAttributes) == 0 {
			return []any{"object", attrs}, nil
		}
		var optional []string
		for name := range tt.OptionalAttributes {
			optional = append(optional, name)
		}
		sort.Strings(optional)
		return []any{"object", attrs, optional}, nil
	case tftypes.Tuple:
		elems := make([]any, len(tt.ElementTypes))
		for i, et := range tt.ElementTypes {
			v, err := typeValue(et)
			if err != nil {
				return nil, err
			}
			elems[i] = v
		}
		return []any{"tuple", elems}, nil
	}
	return nil, fmt.Errorf("type %s has no JSON form here", t)
}

func collection(kind string, elem tftypes.Type) (any, error) {
	v, err := typeValue(elem)
	return []any{kind, v}, err
}

// kind is a description kind as Terraform writes it.
func kind(k tfprotov6.StringKind) string {
	if k == tfprotov6.StringKindMarkdown {
		return "markdown"
	}
	return "plain"
}

// nesting is a nesting mode as Terraform writes it ("list", "single").
func nesting(mode string) string {
	switch mode {
	case "NESTING_SINGLE", "SINGLE":
		return "single"
	case "NESTING_LIST", "LIST":
		return "list"
	case "NESTING_SET", "SET":
		return "set"
	case "NESTING_MAP", "MAP":
		return "map"
	case "NESTING_GROUP", "GROUP":
		return "group"
	}
	return mode
}
