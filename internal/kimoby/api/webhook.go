package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
)

// Webhook is a Kimoby webhook. AuthenticationKey is set only in the answer
// to CreateWebhook: the API never returns it again.
type Webhook struct {
	ID                string `json:"id"`
	URL               string `json:"url"`
	AuthenticationKey string `json:"authentication_key,omitempty"`
	CreatedAt         string `json:"created_at"`
	UpdatedAt         string `json:"updated_at"`
}

// WebhookInput is the body of POST /webhooks and PUT /webhooks/:id. The url
// is the only attribute the API accepts.
type WebhookInput struct {
	URL string `json:"url"`
}

func webhookPath(id string) string { return "/webhooks/" + url.PathEscape(id) }

// CreateWebhook creates a webhook. The answer (200 or 201; the docs show
// both) carries the authentication key, which is registered as a secret so
// that no later log line shows it.
func (c *Client) CreateWebhook(ctx context.Context, in WebhookInput) (*Webhook, error) {
	defer c.webhooks.invalidate()
	var w Webhook
	if err := c.call(ctx, http.MethodPost, "/webhooks", nil, in, &w); err != nil {
		return nil, err
	}
	if w.ID == "" {
		return nil, fmt.Errorf("Kimoby API POST /webhooks answered without a webhook id")
	}
	c.http.AddSecret(w.AuthenticationKey)
	return &w, nil
}

// UpdateWebhook changes a webhook's url, the only attribute Kimoby lets
// change. The answer carries no authentication key.
func (c *Client) UpdateWebhook(ctx context.Context, id string, in WebhookInput) (*Webhook, error) {
	defer c.webhooks.invalidate()
	var w Webhook
	if err := c.call(ctx, http.MethodPut, webhookPath(id), nil, in, &w); err != nil {
		return nil, err
	}
	return &w, nil
}

// DeleteWebhook deletes a webhook; IsNotFound(err) when it is already gone.
func (c *Client) DeleteWebhook(ctx context.Context, id string) error {
	defer c.webhooks.invalidate()
	return c.call(ctx, http.MethodDelete, webhookPath(id), nil, nil, nil)
}

// Webhooks returns every webhook from the listing shared by all callers of
// this Client: concurrent callers share one fetch, and later callers reuse
// it until a create, update or delete made through this Client. Changes made
// elsewhere during the life of the Client are not seen; use ListWebhooks for
// a fresh list. Each caller gets its own copy of the slice.
func (c *Client) Webhooks(ctx context.Context) ([]Webhook, error) {
	list, err := c.webhooks.get(ctx, c.ListWebhooks)
	return slices.Clone(list), err
}

// InvalidateWebhooks drops the shared listing, so that the next Webhooks or
// GetWebhook call fetches the list again.
func (c *Client) InvalidateWebhooks() { c.webhooks.invalidate() }

// GetWebhook finds one webhook in the shared listing (Kimoby has no GET by
// id). IsNotFound(err) when the list does not hold it: it was deleted, maybe
// by Kimoby itself after the receiver answered 410 Gone.
func (c *Client) GetWebhook(ctx context.Context, id string) (*Webhook, error) {
	list, err := c.Webhooks(ctx)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			w := list[i]
			return &w, nil
		}
	}
	return nil, newError(http.MethodGet, "/webhooks", http.StatusNotFound,
		fmt.Sprintf("no webhook has the id %q (Kimoby has no GET by id, so the whole list was searched)", id), 1)
}
