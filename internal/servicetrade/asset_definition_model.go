package servicetrade

import (
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// assetDefinitionModel is an asset definition, shared by the
// single-object data source and the elements of the plural one.
type assetDefinitionModel struct {
	ID               types.String                  `tfsdk:"id"`
	Type             types.String                  `tfsdk:"type"`
	URI              types.String                  `tfsdk:"uri"`
	Display          types.String                  `tfsdk:"display"`
	InstanceName     types.String                  `tfsdk:"instance_name"`
	ServiceLineID    types.Int64                   `tfsdk:"service_line_id"`
	Properties       map[string]assetPropertyModel `tfsdk:"properties"`
	PropertiesJSON   types.String                  `tfsdk:"properties_json"`
	ParentAssetTypes []assetTypeRefModel           `tfsdk:"parent_asset_types"`
	Active           types.Bool                    `tfsdk:"active"`
	Created          types.Int64                   `tfsdk:"created"`
	Updated          types.Int64                   `tfsdk:"updated"`
}

// assetPropertyModel is one property descriptor of an asset definition.
type assetPropertyModel struct {
	Type       types.String   `tfsdk:"type"`
	Required   types.Bool     `tfsdk:"required"`
	Display    types.String   `tfsdk:"display"`
	Default    types.String   `tfsdk:"default"`
	Options    []types.String `tfsdk:"options"`
	Other      types.String   `tfsdk:"other"`
	Collection types.Bool     `tfsdk:"collection"`
	Unique     types.Bool     `tfsdk:"unique"`
	Min        types.Int64    `tfsdk:"min"`
	Max        types.Int64    `tfsdk:"max"`
	Range      types.Int64    `tfsdk:"range"`
	OrderIndex types.Int64    `tfsdk:"order_index"`
}

// assetTypeRefModel is a parent asset type.
type assetTypeRefModel struct {
	ID   types.String `tfsdk:"id"`
	Type types.String `tfsdk:"type"`
}

// assetDefinitionAttributes are the read-only attributes of an asset
// definition but its id and type (keys of the single-object data source,
// read-only in the plural one's elements).
func assetDefinitionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"uri":             kit.ReadOnlyString("Absolute API URI of the asset definition."),
		"display":         kit.ReadOnlyString("Human-readable name of the asset type, such as `Alarm System`."),
		"instance_name":   kit.ReadOnlyString("Template of an asset's name, in which `%property%` stands for the asset's value of a property, such as `%manufacturer% %model%`."),
		"service_line_id": kit.ReadOnlyInt64("Id of the service line the asset type applies to (see the `fieldservice_servicetrade_service_line` data source), or null for none."),
		"properties": schema.MapNestedAttribute{
			Computed: true,
			Description: "The properties an asset of this type has, keyed by property name (a map, as the API's object is: " +
				"`properties[\"manufacturer\"].required`); empty when there are none. " +
				"Modifiers the API does not give are null, or false for the boolean ones.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type": kit.ReadOnlyString("Type of the property's value: `string` (one line), `text` (several lines), `boolean`, `int`, `float`, " +
					"`date` or `monthyear` (a whole month)."),
				"required": kit.ReadOnlyBool("Whether an asset is not valid without a value for the property."),
				"display":  kit.ReadOnlyString("Recommended label of the property in forms, or null."),
				"default": kit.ReadOnlyString("Value forms start with, or null: a string as is, another value (a number, a boolean) as its JSON text, " +
					"such as `24` or `false`."),
				"options": kit.ReadOnlyList(types.StringType, "Acceptable values, written as `default` is, or null when any value is accepted."),
				"other": kit.ReadOnlyString("When given, values outside `options` are accepted too, and this is the recommended description " +
					"for choosing one; null otherwise."),
				"collection":  kit.ReadOnlyBool("Whether the property's value is an array of values."),
				"unique":      kit.ReadOnlyBool("Whether the values of a collection must differ."),
				"min":         kit.ReadOnlyInt64("Fewest values a collection must have, or null."),
				"max":         kit.ReadOnlyInt64("Most values a collection may have, or null."),
				"range":       kit.ReadOnlyInt64("For a `monthyear` property, how many years either way from now a value may be, or null."),
				"order_index": kit.ReadOnlyInt64("Position of the property in forms (low to high; not in the API's field table, but in its examples), or null."),
			}},
		},
		"properties_json": kit.ReadOnlyString("The API's `properties` object as JSON, every modifier included (those `properties` names and any other), " +
			"for `jsondecode`."),
		"parent_asset_types": kit.ReadOnlyObjects("The asset types whose assets can be the parent of an asset of this type (empty for none).",
			map[string]schema.Attribute{
				"id":   kit.ReadOnlyString("Numeric id of the parent asset definition."),
				"type": kit.ReadOnlyString("Type of the parent asset definition, such as `location`."),
			}),
		"active":  kit.ReadOnlyBool("Whether the asset type is enabled in your account."),
		"created": kit.ReadOnlyInt64("When the asset definition was created, as a Unix timestamp."),
		"updated": kit.ReadOnlyInt64("When the asset definition was last changed, as a Unix timestamp."),
	}
}

// fromAPI fills the model from the API object.
func (m *assetDefinitionModel) fromAPI(d *api.AssetDefinition) {
	*m = assetDefinitionModel{
		ID:               types.StringValue(formatID(d.ID)),
		Type:             types.StringValue(d.Type),
		URI:              types.StringValue(d.URI),
		Display:          types.StringValue(d.Display),
		InstanceName:     types.StringValue(d.InstanceName),
		ServiceLineID:    types.Int64Null(),
		Properties:       make(map[string]assetPropertyModel, len(d.Properties)),
		PropertiesJSON:   types.StringValue(propertiesJSON(d.Properties)),
		ParentAssetTypes: make([]assetTypeRefModel, 0, len(d.ParentAssetTypes)),
		Active:           types.BoolValue(d.Active),
		Created:          types.Int64Value(d.Created),
		Updated:          types.Int64Value(d.Updated),
	}
	if d.ServiceLine != nil && d.ServiceLine.ID != 0 {
		m.ServiceLineID = types.Int64Value(d.ServiceLine.ID)
	}
	for name, p := range d.Properties {
		m.Properties[name] = propertyFromAPI(p)
	}
	for _, p := range d.ParentAssetTypes {
		m.ParentAssetTypes = append(m.ParentAssetTypes, assetTypeRefModel{ID: types.StringValue(formatID(p.ID)), Type: types.StringValue(p.Type)})
	}
}

// propertyFromAPI maps one property descriptor.
func propertyFromAPI(p api.AssetProperty) assetPropertyModel {
	m := assetPropertyModel{
		Type:       types.StringValue(p.Type),
		Required:   types.BoolValue(p.Required),
		Display:    types.StringNull(),
		Default:    jsonText(p.Default),
		Other:      jsonText(p.Other),
		Collection: types.BoolValue(p.Collection),
		Unique:     types.BoolValue(p.Unique),
		Min:        types.Int64PointerValue(p.Min),
		Max:        types.Int64PointerValue(p.Max),
		Range:      types.Int64PointerValue(p.Range),
		OrderIndex: types.Int64PointerValue(p.OrderIndex),
	}
	if p.Display != "" {
		m.Display = types.StringValue(p.Display)
	}
	if p.Options != nil {
		m.Options = make([]types.String, len(p.Options))
		for i, o := range p.Options {
			m.Options[i] = jsonText(o)
		}
	}
	return m
}

// jsonText is a JSON value as text: a string's value, the JSON text of any
// other value, null for none.
func jsonText(raw json.RawMessage) types.String {
	if raw == nil {
		return types.StringNull()
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return types.StringValue(s)
	}
	return types.StringValue(string(raw))
}

// propertiesJSON is the properties object as JSON, by property name, each
// descriptor as the API sent it (compacted), the names in order.
func propertiesJSON(props api.AssetProperties) string {
	raw := make(map[string]json.RawMessage, len(props))
	for name, p := range props {
		raw[name] = p.Raw
		if len(p.Raw) == 0 {
			raw[name] = json.RawMessage("{}")
		}
	}
	// A map's keys are written in order: the text is the same on every
	// read.
	b, err := json.Marshal(raw)
	if err != nil {
		return "{}"
	}
	return string(b)
}
