package kit

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The keys of a single-object data source, the attributes it looks its
// object up by (DataType.OneOf: "id", "name"), are all alike: optional,
// computed from the object found when another key is given, and described
// by what they are and then by one sentence that says to give exactly one
// of them. That sentence is made here from OneOf, so that every key says it
// the same way and it names what ConfigValidators enforces.

// Key is a key attribute of the data source: a string described by
// description and then GiveOneOf, with the validators of what it takes.
func (b DataBase[C]) Key(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Description: description + " " + b.Type.GiveOneOf(), Validators: validators}
}

// KeyInt64 is Key for a whole-number key, such as a Kickserv employee
// number.
func (b DataBase[C]) KeyInt64(description string, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Description: description + " " + b.Type.GiveOneOf(), Validators: validators}
}

// GiveOneOf is the sentence that ends a key's description: "Give exactly
// one of `id` and `name`.", or "Give exactly one of `id`, `name` and
// `code`." for three keys.
func (t DataType[C]) GiveOneOf() string {
	quoted := make([]string, len(t.OneOf))
	for i, name := range t.OneOf {
		quoted[i] = "`" + name + "`"
	}
	last := len(quoted) - 1
	if last < 1 {
		panic("kit: " + t.Name + " data source: a key needs at least two attributes in OneOf, got " + strings.Join(t.OneOf, ", "))
	}
	return "Give exactly one of " + strings.Join(quoted[:last], ", ") + " and " + quoted[last] + "."
}
