package kit

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The read-only attributes of data sources: what the vendor reports, never
// configured (tfplugindocs lists them under "Read-Only"). Every attribute
// of a List's elements is one, and so is every attribute of a
// single-object data source but its keys.

// ReadOnlyString is a read-only string attribute.
func ReadOnlyString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, Description: description}
}

// ReadOnlyInt64 is a read-only whole-number attribute.
func ReadOnlyInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, Description: description}
}

// ReadOnlyFloat64 is a read-only number attribute.
func ReadOnlyFloat64(description string) schema.Float64Attribute {
	return schema.Float64Attribute{Computed: true, Description: description}
}

// ReadOnlyBool is a read-only boolean attribute.
func ReadOnlyBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, Description: description}
}

// ReadOnlyList is a read-only list of values of type elem.
func ReadOnlyList(elem attr.Type, description string) schema.ListAttribute {
	return schema.ListAttribute{Computed: true, ElementType: elem, Description: description}
}

// ReadOnlySet is a read-only set of values of type elem.
func ReadOnlySet(elem attr.Type, description string) schema.SetAttribute {
	return schema.SetAttribute{Computed: true, ElementType: elem, Description: description}
}

// ReadOnlyObjects is a read-only list of objects, each with attributes (all
// read-only too): a List's own list, a region's points.
func ReadOnlyObjects(description string, attributes map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed:     true,
		Description:  description,
		NestedObject: schema.NestedAttributeObject{Attributes: attributes},
	}
}

// The attributes a data source's configuration gives besides its keys: the
// filters of a List, the scope and options of a single-object look-up. Each
// takes its description as written and checks what the API documents.

// DataFilterString is an optional string that narrows a data source.
func DataFilterString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Description: description, Validators: validators}
}

// DataRequiredString is a string a data source cannot do without (the
// postal code whose tax rates it lists).
func DataRequiredString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Required: true, Description: description, Validators: validators}
}

// DataFilterBool is an optional boolean that narrows or widens a data
// source (active only, inactive too).
func DataFilterBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Description: description}
}

// DataFilterID is the optional id of another object that narrows a data
// source: a positive whole number.
func DataFilterID(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Description: description, Validators: []validator.Int64{int64validator.AtLeast(1)}}
}

// DataParentID is the id of the object a data source's objects are listed
// within (a contract's rules, a user's values): required, a positive whole
// number, as the resource's ParentID.
func DataParentID(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Required: true, Description: description, Validators: []validator.Int64{int64validator.AtLeast(1)}}
}
