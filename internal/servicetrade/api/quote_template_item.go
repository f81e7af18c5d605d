package api

import (
	"context"
	"encoding/json"
)

// QuoteTemplateItem is a line of a quote template (GET
// /quotetemplateitem/{id}).
type QuoteTemplateItem struct {
	ID          int64   `json:"id"`
	URI         string  `json:"uri"`
	Description string  `json:"description"`
	Quantity    float64 `json:"quantity"`
	// QuoteTemplate is the parent template. The API's examples name it
	// "quote" while its field table says "quoteTemplate"; both are read.
	QuoteTemplate *Reference `json:"-"`
	// LibItem is the lib item the line is an instance of, or nil. The
	// server fills it in when a description names a lib item.
	LibItem *QuoteTemplateItemLibItem `json:"libItem"`
	// ServiceLine is the line's service line, or nil; taken from the lib
	// item when none is given.
	ServiceLine *ServiceLine `json:"serviceLine"`
	// OrderIndex is the position among the template's items (low first,
	// nil last). OrderIndexKnown is false when the response had no
	// orderIndex member at all (the API's examples never show one), so
	// that callers can tell "not returned" from null.
	OrderIndex      *int64 `json:"orderIndex"`
	OrderIndexKnown bool   `json:"-"`
}

// QuoteTemplateItemLibItem is the short form of a lib item nested in an
// item. Type is capitalised ("Part"): compare it with LibItemType.Is.
type QuoteTemplateItemLibItem struct {
	ID   int64       `json:"id"`
	URI  string      `json:"uri"`
	Name string      `json:"name"`
	Type LibItemType `json:"type"`
	Code string      `json:"code"`
}

// TemplateID is the id of the parent template, or 0 when the response
// named none.
func (it *QuoteTemplateItem) TemplateID() int64 {
	if it.QuoteTemplate == nil {
		return 0
	}
	return it.QuoteTemplate.ID
}

// LibItemID is the id of the item's lib item, or nil.
func (it *QuoteTemplateItem) LibItemID() *int64 {
	if it.LibItem == nil || it.LibItem.ID == 0 {
		return nil
	}
	id := it.LibItem.ID
	return &id
}

// ServiceLineID is the id of the item's service line, or nil.
func (it *QuoteTemplateItem) ServiceLineID() *int64 {
	if it.ServiceLine == nil || it.ServiceLine.ID == 0 {
		return nil
	}
	id := it.ServiceLine.ID
	return &id
}

// UnmarshalJSON reads the parent from "quote" or "quoteTemplate" and notes
// whether orderIndex was present.
func (it *QuoteTemplateItem) UnmarshalJSON(b []byte) error {
	type plain QuoteTemplateItem
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var extra struct {
		Quote         *Reference      `json:"quote"`
		QuoteTemplate *Reference      `json:"quoteTemplate"`
		OrderIndex    json.RawMessage `json:"orderIndex"`
	}
	if err := json.Unmarshal(b, &extra); err != nil {
		return err
	}
	*it = QuoteTemplateItem(p)
	it.QuoteTemplate = extra.Quote
	if it.QuoteTemplate == nil {
		it.QuoteTemplate = extra.QuoteTemplate
	}
	it.OrderIndexKnown = extra.OrderIndex != nil
	return nil
}

// QuoteTemplateItemInput is the body of POST and PUT on an item. Nil fields
// are left out: on POST the server then resolves what it can (a lib item
// named by the description, the lib item's service line), and on PUT (a
// partial update) they keep their value. OrderIndex is sent only when
// SetOrderIndex is true, and then a nil OrderIndex sends null, which puts
// the item back among the unordered ones.
type QuoteTemplateItemInput struct {
	Quantity      *float64
	Description   *string
	LibItemID     *int64
	ServiceLineID *int64
	OrderIndex    *int64
	SetOrderIndex bool
}

// MarshalJSON renders the documented parameter names, leaving out nil
// fields.
func (in QuoteTemplateItemInput) MarshalJSON() ([]byte, error) {
	m := map[string]any{}
	if in.Quantity != nil {
		m["quantity"] = *in.Quantity
	}
	if in.Description != nil {
		m["description"] = *in.Description
	}
	if in.LibItemID != nil {
		m["libItemId"] = *in.LibItemID
	}
	if in.ServiceLineID != nil {
		m["serviceLineId"] = *in.ServiceLineID
	}
	if in.SetOrderIndex {
		m["orderIndex"] = in.OrderIndex
	}
	return json.Marshal(m)
}

// quoteTemplateItems are the items of one template, at
// /quotetemplate/{tid}/item; a list page holds them under "items".
func quoteTemplateItems(templateID int64) collection[QuoteTemplateItem] {
	return nested[QuoteTemplateItem](quoteTemplates, templateID, "item", "items")
}

// anyQuoteTemplateItem reads an item by its id alone
// (/quotetemplateitem/{id}), whatever its template.
var anyQuoteTemplateItem = collection[QuoteTemplateItem]{path: "/quotetemplateitem"}

// GetQuoteTemplateItem reads one item wherever it is (GET
// /quotetemplateitem/{id}); IsNotFound(err) when it does not exist.
func (c *Client) GetQuoteTemplateItem(ctx context.Context, itemID int64) (*QuoteTemplateItem, error) {
	return anyQuoteTemplateItem.get(ctx, c, itemID)
}

// GetQuoteTemplateItemOf reads one item of a given template (GET
// /quotetemplate/{tid}/item/{id}); IsNotFound(err) when the template does
// not exist or the item is not one of its items.
func (c *Client) GetQuoteTemplateItemOf(ctx context.Context, templateID, itemID int64) (*QuoteTemplateItem, error) {
	return quoteTemplateItems(templateID).get(ctx, c, itemID)
}

// ListQuoteTemplateItems returns every item of a template in the API's
// order, across all pages; IsNotFound(err) when the template does not
// exist.
func (c *Client) ListQuoteTemplateItems(ctx context.Context, templateID int64) ([]QuoteTemplateItem, error) {
	return quoteTemplateItems(templateID).list(ctx, c, nil)
}

// CreateQuoteTemplateItem adds an item to a template and returns it as
// stored, with whatever the server resolved.
func (c *Client) CreateQuoteTemplateItem(ctx context.Context, templateID int64, in QuoteTemplateItemInput) (*QuoteTemplateItem, error) {
	return quoteTemplateItems(templateID).create(ctx, c, in)
}

// UpdateQuoteTemplateItem changes the fields set in in and returns the item
// as stored.
func (c *Client) UpdateQuoteTemplateItem(ctx context.Context, templateID, itemID int64, in QuoteTemplateItemInput) (*QuoteTemplateItem, error) {
	return quoteTemplateItems(templateID).update(ctx, c, itemID, in)
}

// DeleteQuoteTemplateItem deletes an item (204). Only the nested path
// /quotetemplate/{tid}/item/{id} is documented for DELETE, hence the
// template id. IsNotFound(err) when the template or the item is gone.
func (c *Client) DeleteQuoteTemplateItem(ctx context.Context, templateID, itemID int64) error {
	return quoteTemplateItems(templateID).delete(ctx, c, itemID)
}
