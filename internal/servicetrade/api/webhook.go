package api

import "context"

// Webhook is an endpoint that receives the account's change notifications
// (GET /webhook/{id}).
type Webhook struct {
	ID      int64  `json:"id"`
	URI     string `json:"uri"`
	HookURL string `json:"hookUrl"`
	Enabled bool   `json:"enabled"`
	// Confirmed is false in the create response; ServiceTrade confirms a
	// reachable hook right after creation. Unconfirmed hooks receive
	// nothing.
	Confirmed         bool `json:"confirmed"`
	IncludeChangesets bool `json:"includeChangesets"`
}

// WebhookInput is the body of POST /webhook. Nil flags take the API's
// defaults (enabled true, includeChangesets false).
type WebhookInput struct {
	HookURL           string `json:"hookUrl"`
	Enabled           *bool  `json:"enabled,omitempty"`
	IncludeChangesets *bool  `json:"includeChangesets,omitempty"`
}

// WebhookUpdate is the body of PUT /webhook/{id}, a partial update. It has
// no hookUrl on purpose: the API does not take one on PUT, so a webhook is
// moved by creating a new one.
type WebhookUpdate struct {
	Enabled           *bool `json:"enabled,omitempty"`
	IncludeChangesets *bool `json:"includeChangesets,omitempty"`
}

// webhooks are at /webhook; a list page holds them under "webhooks".
var webhooks = collection[Webhook]{path: "/webhook", listKey: "webhooks", listed: everyObject}

// GetWebhook reads one webhook; IsNotFound(err) when it does not exist.
func (c *Client) GetWebhook(ctx context.Context, id int64) (*Webhook, error) {
	return webhooks.get(ctx, c, id)
}

// CreateWebhook creates a webhook and returns it as stored (not yet
// confirmed).
func (c *Client) CreateWebhook(ctx context.Context, in WebhookInput) (*Webhook, error) {
	return webhooks.create(ctx, c, in)
}

// UpdateWebhook changes the flags that are set in in and returns the
// webhook as stored.
func (c *Client) UpdateWebhook(ctx context.Context, id int64, in WebhookUpdate) (*Webhook, error) {
	return webhooks.update(ctx, c, id, in)
}

// DeleteWebhook deletes a webhook (the API answers 200, not 204).
func (c *Client) DeleteWebhook(ctx context.Context, id int64) error {
	return webhooks.delete(ctx, c, id)
}

// ListWebhooks returns every webhook of the account, across all pages.
func (c *Client) ListWebhooks(ctx context.Context) ([]Webhook, error) {
	return webhooks.list(ctx, c, nil)
}
