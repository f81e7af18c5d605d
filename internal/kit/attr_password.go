package kit

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// A password comes in a pair of attributes, of which the configuration
// gives at most one: a sensitive one ("password"), kept in the state as
// configured and sent when its value changes, and a write-only one
// ("password_wo", Terraform 1.11 and later), never stored, sent on create
// and again when its version attribute ("password_wo_version") changes.
// Neither is ever read back from the API.

// Password is one attribute of such a pair: optional, sensitive, write-only
// when writeOnly, conflicting with other (the pair's other attribute), and
// checked by validators (the API's rules for a password).
func Password(description, other string, writeOnly bool, validators ...validator.String) schema.StringAttribute {
	a := OptionalString(description, append(slices.Clip(validators), stringvalidator.ConflictsWith(path.MatchRoot(other)))...)
	a.Sensitive, a.WriteOnly = true, writeOnly
	return a
}

// PasswordVersion is the version attribute of a write-only password
// (writeOnly, such as "password_wo"): any number, whose change sends the
// write-only value again; it needs the write-only attribute.
func PasswordVersion(description, writeOnly string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional:    true,
		Description: description,
		Validators:  []validator.Int64{int64validator.AlsoRequires(path.MatchRoot(writeOnly))},
	}
}
