package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// sourceKey is a key of a single-object data source besides its id, declared
// once for both its schema and its look-up: the attribute, what it holds
// ("Exact, case-sensitive name of the region."), the value of an object it
// is compared with (of), and the validators of what it takes. field names
// the key in messages when the attribute does not ("e-mail address");
// ignoreCase compares without case. A note, when the key has one, follows
// the "Give exactly one of …" sentence: it says what the key holds once the
// object is found.
type sourceKey[T any] struct {
	attr, description string
	field             string
	of                func(T) string
	ignoreCase        bool
	validators        []validator.String
	note              string
}

// lookupSource is the kit.Lookup of the single-object data source
// fieldservice_servicetrade_<typeName>, which finds an object by its
// numeric id or by one of keys, exactly one of them given. Every such data
// source declared its type, its id key and its other keys the same way:
// here the schema is description and attrs with those keys added, the id
// described as "Numeric id of the <noun>.", and the look-up's keys are
// taken from the same declaration. The data source then says how it lists
// the objects a key is searched among (Spec) and maps the one found (Set or
// SetDiags).
func lookupSource[M, T any](typeName, noun, description string, keys []sourceKey[T], attrs map[string]schema.Attribute) *kit.Lookup[*api.Client, M, T] {
	oneOf := []string{"id"}
	for _, k := range keys {
		oneOf = append(oneOf, k.attr)
	}
	d := vendor.DataSource(typeName, oneOf...)
	attrs["id"] = d.Key("Numeric id of the " + noun + ".")
	var lookupKeys []lookup.Key[T]
	for _, k := range keys {
		key := d.Key(k.description, k.validators...)
		if k.note != "" {
			key.Description += " " + k.note
		}
		attrs[k.attr] = key
		lookupKeys = append(lookupKeys, lookup.Key[T]{Attr: k.attr, Field: k.field, Of: k.of, IgnoreCase: k.ignoreCase})
	}
	return &kit.Lookup[*api.Client, M, T]{DataBase: d, Definition: schema.Schema{Description: description, Attributes: attrs}, Keys: lookupKeys}
}
