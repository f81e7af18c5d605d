package api

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/fuzzcheck"
)

// fuzzStatuses are the statuses a fuzzed answer comes with, picked by the
// fuzzer's code byte.
var fuzzStatuses = fuzzcheck.Statuses{200, 201, 204, 400, 401, 404, 410, 422, 429, 500, 502, 503}

// distinct keeps the first webhook of each id, in order.
func distinct(list []Webhook) []Webhook {
	var out []Webhook
	seen := map[string]bool{}
	for _, w := range list {
		if !seen[w.ID] {
			seen[w.ID] = true
			out = append(out, w)
		}
	}
	return out
}

// FuzzKimobyDecode feeds arbitrary bodies to the webhook, list and error
// decoding, directly and through the client with each status: any input
// must give a result or an error, never a panic; an error must say what
// the server answered; and a 2xx answer must give exactly the webhook (or
// the distinct webhooks) the body holds.
func FuzzKimobyDecode(f *testing.F) {
	fuzzcheck.Seed(f,
		`{"id":"WH487d9d59d5511879e2eda871b5cac50c","url":"https://hooks.example.com/k","authentication_key":"k3y","created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05Z"}`,
		`[{"id":"WH1","url":"https://a.example.com","created_at":"2024-01-02T03:04:05Z"},{"id":"WH2","url":"https://b.example.com"}]`,
		`[]`,
		`{"message":"Webhook not found"}`,
		`{"message":["url is invalid","url must be https"]}`,
		`{"error":"Unauthorized"}`,
		`{"message":"   "}`,
		`{"message":{"nested":true}}`,
		`<html><head><title>503 Service Unavailable</title></head></html>`,
		`{"id":12,"url":null}`,
		`[{"id":null},{"id":"WH1","url":7}]`,
		`{"id":""}`,
		``, `null`, `"WH1"`, `[`, `{"id":"WH1"`,
		strings.Repeat(`[`, 5000)+strings.Repeat(`]`, 5000),
		"{\"message\":\"\xff\xfe not utf-8\"}",
		`[`+strings.Repeat(`{"id":"WHsame","url":"https://x.example.com"},`, 49)+`{"id":"WHsame","url":"https://x.example.com"}]`,
	)
	f.Fuzz(func(t *testing.T, body []byte, code byte) {
		status := fuzzStatuses.Pick(code)

		// The decoders themselves.
		msg := errorMessage(body)
		fuzzcheck.SaysSomething(t, "errorMessage", body, msg)
		_ = newError("GET", "/webhooks", status, msg, 2).Error()

		// The client, with the fuzzed answer to every request (and every
		// page of the list).
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:9/v1", APIKey: "fuzz-key", APISecret: "fuzz-secret-0123456789",
			HTTP: fuzzcheck.NewServer(t, "application/json", fuzzcheck.Always(status, body)).HTTP(),
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		success := fuzzcheck.Success(status)
		// What the body holds, decoded as the API documents it: one
		// webhook, or a bare array of them. An empty body holds nothing.
		var one Webhook
		oneOK := len(bytes.TrimSpace(body)) == 0 || json.Unmarshal(body, &one) == nil
		var many []Webhook
		manyOK := len(bytes.TrimSpace(body)) == 0 || json.Unmarshal(body, &many) == nil

		// The stub serves the same array for every page, as a server that
		// ignores paging would: the list is its distinct webhooks.
		hooks, err := c.ListWebhooks(ctx)
		if !success {
			fuzzcheck.APIError[*Error](t, "ListWebhooks", status, err)
		} else {
			fuzzcheck.Listed(t, "ListWebhooks", hooks, err, distinct(many), manyOK, false)
		}
		got, err := c.GetWebhook(ctx, "WH1")
		if !success {
			fuzzcheck.APIError[*Error](t, "GetWebhook", status, err)
		} else if err == nil && (got == nil || got.ID != "WH1") {
			t.Fatalf("GetWebhook(WH1) gave %+v", got)
		}
		created, err := c.CreateWebhook(ctx, WebhookInput{URL: "https://hooks.example.com/fuzz"})
		if !success {
			fuzzcheck.APIError[*Error](t, "CreateWebhook", status, err)
		} else {
			// A created webhook must have an id.
			hasID := oneOK && one.ID != ""
			fuzzcheck.Decoded(t, "CreateWebhook", created, err, &one, hasID, hasID)
		}
		updated, err := c.UpdateWebhook(ctx, "WH1", WebhookInput{URL: "https://hooks.example.com/fuzz"})
		if !success {
			fuzzcheck.APIError[*Error](t, "UpdateWebhook", status, err)
		} else {
			fuzzcheck.Decoded(t, "UpdateWebhook", updated, err, &one, oneOK, oneOK)
		}
		// A delete reads no body: any 2xx is success.
		err = c.DeleteWebhook(ctx, "WH1")
		if !success {
			fuzzcheck.APIError[*Error](t, "DeleteWebhook", status, err)
		} else if err != nil {
			t.Fatalf("DeleteWebhook failed on a %d answer: %v", status, err)
		}
	})
}
