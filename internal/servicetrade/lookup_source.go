package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// sourceKey is a key of a single-object data source besides its id: the
// attribute, what it holds ("Exact, case-sensitive name of the region.")
// and the validators of what it takes. A note, when the key has one,
// follows the "Give exactly one of …" sentence: it says what the key
// holds once the object is found.
type sourceKey struct {
	attr, description string
	validators        []validator.String
	note              string
}

// lookupSource is the kit.Lookup of the single-object data source
// fieldservice_servicetrade_<typeName>, which finds an object by its
// numeric id or by one of keys, exactly one of them given. Every such data
// source declared its type, its id key and its other keys the same way:
// here the schema is description and attrs with those keys added, the id
// described as "Numeric id of the <noun>.". The data source then says how
// it finds the object (Spec) and maps it (Set or SetDiags).
func lookupSource[M, T any](typeName, noun, description string, keys []sourceKey, attrs map[string]schema.Attribute) *kit.Lookup[*api.Client, M, T] {
	oneOf := []string{"id"}
	for _, k := range keys {
		oneOf = append(oneOf, k.attr)
	}
	d := vendor.DataSource(typeName, oneOf...)
	attrs["id"] = d.Key("Numeric id of the " + noun + ".")
	for _, k := range keys {
		key := d.Key(k.description, k.validators...)
		if k.note != "" {
			key.Description += " " + k.note
		}
		attrs[k.attr] = key
	}
	return &kit.Lookup[*api.Client, M, T]{DataBase: d, Definition: schema.Schema{Description: description, Attributes: attrs}}
}
