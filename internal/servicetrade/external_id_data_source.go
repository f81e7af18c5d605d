package servicetrade

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewExternalIDDataSource is the fieldservice_servicetrade_external_id data
// source: the value an external system gives one entity, or the other way
// round the entity that carries a value.
func NewExternalIDDataSource() datasource.DataSource {
	d := vendor.DataSource("external_id", "entity_id", "value")
	return &kit.Lookup[*api.Client, externalIDModel, api.ExternalID]{
		DataBase: d,
		Definition: schema.Schema{
			Description: "Looks up one ServiceTrade external id in one external system: by `entity_id`, the value the system gives that entity; " +
				"or by `value`, the entity of `entity_type` that carries it. Fails when the entity has no value in the system, " +
				"or no entity of that type carries the value. ServiceTrade's look-up by value answers with one entity: " +
				"if several carry the same value, it reports the one ServiceTrade returns.",
			Attributes: map[string]schema.Attribute{
				"id": kit.ReadOnlyString("The external id's import id, `<entity_type>/<entity_id>/<system_name>`."),
				"entity_type": schema.StringAttribute{Required: true,
					Description: "Type of the ServiceTrade entity: one of `" + strings.Join(api.ExternalIDEntityTypes, "`, `") + "`.",
					Validators:  []validator.String{stringvalidator.OneOf(api.ExternalIDEntityTypes...)}},
				"system_name": schema.StringAttribute{Required: true,
					Description: "Name (not label) of the ServiceTrade external system.",
					Validators: []validator.String{stringvalidator.LengthAtLeast(1),
						stringvalidator.RegexMatches(noSlash, `must not contain "/" (the system name is a segment of the API path)`)}},
				"entity_id": d.KeyInt64("Numeric id of the entity, to read the value the system gives it.", int64validator.AtLeast(1)),
				"value": d.Key("The entity's id in the external system, to find the entity that carries it (compared character for character).",
					stringvalidator.LengthAtLeast(1)),
			},
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *externalIDModel) lookup.Spec[api.ExternalID] {
			typ, system := cfg.EntityType.ValueString(), cfg.SystemName.ValueString()
			return lookup.Spec[api.ExternalID]{
				Kind: lookup.Kind[api.ExternalID]{Vendor: "ServiceTrade", Name: "external id",
					Qualifier: fmt.Sprintf(" of %s in external system %q", withArticle(typ), system),
					Ident:     func(e api.ExternalID) string { return formatID(e.EntityID) }, IdentAttr: "entity_id", IdentPlural: "entity ids"},
				ID: lookup.Int64(cfg.EntityID),
				Get: func(raw string) (*api.ExternalID, diag.Diagnostics) {
					var diags diag.Diagnostics
					id, err := parseID(typ, raw)
					if err != nil {
						diags.AddAttributeError(path.Root("entity_id"), "Invalid entity id", err.Error())
						return nil, diags
					}
					e, err := client.GetExternalID(ctx, typ, id, system)
					switch {
					case api.IsNotFound(err):
						diags.AddAttributeError(path.Root("entity_id"), "ServiceTrade external id lookup failed",
							fmt.Sprintf("%s. Check that ServiceTrade %s %d exists, that an external system is named %q "+
								"(its name, not its label), and that the entity has a value in it.", err, typ, id, system))
					case err != nil:
						diags.AddError(fmt.Sprintf("Reading the external id of ServiceTrade %s %d in external system %q failed", typ, id, system), err.Error())
					}
					return e, diags
				},
				Keys: []lookup.Key[api.ExternalID]{{Attr: "value", Value: cfg.Value, Of: func(e api.ExternalID) string { return e.Value }}},
				// The reverse look-up answers with the one entity that
				// carries the value, or 404 (none, or no such system).
				List: func(key lookup.Key[api.ExternalID]) ([]api.ExternalID, error) {
					want := key.Value.ValueString()
					ent, err := client.FindExternalIDEntity(ctx, typ, system, want)
					if api.IsNotFound(err) {
						return nil, nil
					}
					if err != nil {
						return nil, err
					}
					got := want
					if v, ok := ent.ExternalIDs[system]; ok {
						got = v
					}
					return []api.ExternalID{{EntityType: typ, EntityID: ent.ID, SystemName: system, Value: got}}, nil
				},
				Scope: fmt.Sprintf("of external system %q", system),
				Explain: func(msg string, none bool) string {
					if none {
						return msg + fmt.Sprintf(". Check that an external system is named %q (its name, not its label): ServiceTrade answers the same when it is not.", system)
					}
					return msg
				},
			}
		},
		Set: func(m *externalIDModel, e *api.ExternalID) { m.fromAPI(e) },
	}
}

// withArticle puts "a" or "an" before an entity type: "an asset".
func withArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
