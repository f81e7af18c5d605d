package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var serviceTemplateKind = objectKind[api.ServiceTemplate]{name: "service template", id: func(t api.ServiceTemplate) int64 { return t.ID }, get: (*api.Client).GetServiceTemplate}

// serviceTemplateAttributes are the read-only attributes of a service
// template in the data sources, beside its id (and, in the singular one,
// its name).
func serviceTemplateAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"uri":             kit.ReadOnlyString("Absolute API URI of the template."),
		"description":     kit.ReadOnlyString("Description of the service the template stands for."),
		"service_line_id": kit.ReadOnlyInt64("Id of the service line the service is part of."),
		"estimated_price": kit.ReadOnlyFloat64("Estimated price of one instance of the service, or null."),
		"duration":        kit.ReadOnlyInt64("Expected duration of the service in seconds, or null."),
		"preferred_tech_ids": kit.ReadOnlySet(types.Int64Type,
			"Ids of the technicians (users) preferred for this work; empty when there are none."),
		"preferred_vendor_id": kit.ReadOnlyInt64("Id of the vendor company preferred for this work, or null."),
		"frequency": kit.ReadOnlyString("Unit of the recurrence: `daily`, `weekly`, `monthly` or `yearly`, " +
			"or, for templates made in ServiceTrade's application, `quarterly` or `semiannually` (which the resource cannot set)."),
		"interval": kit.ReadOnlyInt64("Interval of the recurrence: the service happens every `interval` `frequency`s."),
		"repeat_weekday": kit.ReadOnlyBool("Whether a monthly recurrence is tied to a weekday of a given week (the 3rd Friday). " +
			"ServiceTrade may hold `true` on templates of other frequencies, where it has no effect."),
	}
}

// NewServiceTemplateDataSource is the
// fieldservice_servicetrade_service_template data source.
func NewServiceTemplateDataSource() datasource.DataSource {
	attrs := serviceTemplateAttributes()
	d := lookupSource[serviceTemplateModel, api.ServiceTemplate]("service_template", "template",
		"Looks up one ServiceTrade service template by `id` or by exact `name`. "+
			"Fails when no template, or more than one, has that name: names are not unique, so use `id` for duplicates.",
		[]sourceKey[api.ServiceTemplate]{{attr: "name", description: "Exact, case-sensitive name of the template.", of: func(t api.ServiceTemplate) string { return t.Name }}},
		attrs)
	// ServiceTrade's name filter is a substring match: the look-up keeps
	// the exact name among what it returns.
	d.Spec = amongNamed[serviceTemplateModel](serviceTemplateKind, func(c *api.Client, ctx context.Context, name string) ([]api.ServiceTemplate, error) {
		return c.ListServiceTemplates(ctx, api.ServiceTemplateFilter{Name: name})
	})
	d.SetDiags = (*serviceTemplateModel).read
	return d
}
