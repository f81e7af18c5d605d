package api

import "context"

// ServiceTemplate is a reusable description of a recurring service, from
// which service requests and recurrences are made (GET
// /servicetemplate/{id}).
type ServiceTemplate struct {
	ID          int64  `json:"id"`
	URI         string `json:"uri"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// ServiceLine is the line the service belongs to (required on create).
	ServiceLine *ServiceLine `json:"serviceLine"`
	// Frequency is one of daily, weekly, monthly, yearly, or, for templates
	// made in the application, quarterly or semiannually, which the API
	// returns but does not take.
	Frequency string `json:"frequency"`
	// Interval is the n in "every n <frequency>s"; nil when the API answers
	// null.
	Interval *int64 `json:"interval"`
	// RepeatWeekday ties a monthly recurrence to a weekday of a week (the
	// 3rd Friday). The reference's own list example shows it true on a
	// yearly template, so it is not cleared for other frequencies.
	RepeatWeekday bool `json:"repeatWeekday"`
	// PreferredTechs are users; empty when there are none.
	PreferredTechs  []Reference `json:"preferredTechs"`
	PreferredVendor *Reference  `json:"preferredVendor"`
	// EstimatedPrice and Duration (seconds) are nil when unset: the API
	// answers null.
	EstimatedPrice *float64 `json:"estimatedPrice"`
	Duration       *int64   `json:"duration"`
	Created        int64    `json:"created"`
	Updated        int64    `json:"updated"`
}

// ServiceLineID is the id of the template's service line, or 0.
func (t *ServiceTemplate) ServiceLineID() int64 {
	if t.ServiceLine == nil {
		return 0
	}
	return t.ServiceLine.ID
}

// PreferredVendorID is the id of the template's preferred vendor, or nil.
func (t *ServiceTemplate) PreferredVendorID() *int64 { return RefID(t.PreferredVendor) }

// PreferredTechIDs are the ids of the template's preferred technicians, in
// the API's order.
func (t *ServiceTemplate) PreferredTechIDs() []int64 {
	ids := make([]int64, 0, len(t.PreferredTechs))
	for _, u := range t.PreferredTechs {
		ids = append(ids, u.ID)
	}
	return ids
}

// ServiceTemplateInput is the body of POST and PUT /servicetemplate. Name,
// Description and ServiceLineID are always sent (required on create).
// EstimatedPrice, Duration and PreferredVendorID are sent as a value or as
// null, which clears them; PreferredTechIDs is sent whole (an empty array
// clears it). Frequency, Interval and RepeatWeekday are sent only when set:
// left out, a create takes the API's defaults and an update keeps the
// template's values.
type ServiceTemplateInput struct {
	Name              string            `json:"name"`
	Description       string            `json:"description"`
	ServiceLineID     int64             `json:"serviceLineId"`
	EstimatedPrice    Nullable[float64] `json:"estimatedPrice,omitzero"`
	Duration          Nullable[int64]   `json:"duration,omitzero"`
	PreferredTechIDs  []int64           `json:"preferredTechIds"`
	PreferredVendorID Nullable[int64]   `json:"preferredVendorId,omitzero"`
	Frequency         string            `json:"frequency,omitempty"`
	Interval          *int64            `json:"interval,omitempty"`
	RepeatWeekday     *bool             `json:"repeatWeekday,omitempty"`
}

// ServiceTemplateFilter narrows GET /servicetemplate. Name is a substring
// of the template's name ("string to find in the service template name").
type ServiceTemplateFilter struct {
	Name string
}

// serviceTemplates are at /servicetemplate; a list page holds them under
// "serviceTemplates".
var serviceTemplates = collection[ServiceTemplate]{path: "/servicetemplate", listKey: "serviceTemplates", listed: everyObject}

// GetServiceTemplate reads one template; IsNotFound(err) when it does not
// exist.
func (c *Client) GetServiceTemplate(ctx context.Context, id int64) (*ServiceTemplate, error) {
	return serviceTemplates.get(ctx, c, id)
}

// CreateServiceTemplate creates a template and returns it as stored.
func (c *Client) CreateServiceTemplate(ctx context.Context, in ServiceTemplateInput) (*ServiceTemplate, error) {
	return serviceTemplates.create(ctx, c, in)
}

// UpdateServiceTemplate changes a template and returns it as stored.
func (c *Client) UpdateServiceTemplate(ctx context.Context, id int64, in ServiceTemplateInput) (*ServiceTemplate, error) {
	return serviceTemplates.update(ctx, c, id, in)
}

// DeleteServiceTemplate deletes a template (204). IsConflict(err) when
// "servicetemplate cannot be deleted because it has associated items"
// (service requests, recurrences or items made from it); IsNotFound(err)
// when it is already gone.
func (c *Client) DeleteServiceTemplate(ctx context.Context, id int64) error {
	return serviceTemplates.delete(ctx, c, id)
}

// ListServiceTemplates returns every template matching f, across all pages.
func (c *Client) ListServiceTemplates(ctx context.Context, f ServiceTemplateFilter) ([]ServiceTemplate, error) {
	return serviceTemplates.list(ctx, c, query{}.text("name", f.Name))
}
