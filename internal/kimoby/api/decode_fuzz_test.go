package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// fuzzStatuses are the statuses a fuzzed answer comes with, picked by the
// fuzzer's code byte.
var fuzzStatuses = []int{200, 201, 204, 400, 401, 404, 410, 422, 429, 500, 502, 503}

// stubHTTP answers every request with one status and body, without a
// network.
type stubHTTP struct {
	status int
	body   []byte
}

func (s stubHTTP) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	return &http.Response{
		StatusCode: s.status, Status: strconv.Itoa(s.status) + " " + http.StatusText(s.status),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(s.body)),
		ContentLength: int64(len(s.body)),
		Request:       r,
	}, nil
}

// FuzzKimobyDecode feeds arbitrary bodies to the webhook, list and error
// decoding, directly and through the client with each status: any input
// must give a result or an error, never a panic, and an error must say
// what the server answered.
func FuzzKimobyDecode(f *testing.F) {
	seeds := []string{
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
		strings.Repeat(`[`, 5000) + strings.Repeat(`]`, 5000),
		"{\"message\":\"\xff\xfe not utf-8\"}",
		`[` + strings.Repeat(`{"id":"WHsame","url":"https://x.example.com"},`, 49) + `{"id":"WHsame","url":"https://x.example.com"}]`,
	}
	for i, s := range seeds {
		f.Add([]byte(s), byte(i))
	}
	f.Fuzz(func(t *testing.T, body []byte, code byte) {
		status := fuzzStatuses[int(code)%len(fuzzStatuses)]

		// The decoders themselves.
		var w Webhook
		_ = json.Unmarshal(body, &w)
		var list []Webhook
		_ = json.Unmarshal(body, &list)
		msg := errorMessage(body)
		if len(bytes.TrimSpace(body)) > 0 && strings.TrimSpace(msg) == "" {
			t.Fatalf("errorMessage found nothing to say about %q", body)
		}
		_ = (&Error{Method: "GET", Path: "/webhooks", StatusCode: status, Message: msg, Attempts: 2}).Error()

		// The client, with the fuzzed answer to every request (and every
		// page of the list).
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:9/v1", APIKey: "fuzz-key", APISecret: "fuzz-secret-0123456789",
			HTTP: transport.Config{HTTPClient: &http.Client{Transport: stubHTTP{status, body}}, Retry: transport.RetryPolicy{MaxAttempts: 1}},
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		check := func(op string, gotResult bool, err error) {
			t.Helper()
			if status >= 200 && status <= 299 {
				if err == nil && !gotResult {
					t.Fatalf("%s: a %d answer gave neither a result nor an error", op, status)
				}
				return
			}
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("%s: a %d answer gave %v (%T), want an *Error with that status", op, status, err, err)
			}
			if m := err.Error(); !strings.Contains(m, strconv.Itoa(status)) {
				t.Fatalf("%s: error %q does not name the status", op, m)
			}
		}
		hooks, err := c.ListWebhooks(ctx)
		check("ListWebhooks", hooks != nil || err == nil, err)
		got, err := c.GetWebhook(ctx, "WH1")
		if status >= 200 && status <= 299 {
			if err == nil && (got == nil || got.ID != "WH1") {
				t.Fatalf("GetWebhook(WH1) gave %+v", got)
			}
		} else {
			check("GetWebhook", got != nil, err)
		}
		created, err := c.CreateWebhook(ctx, WebhookInput{URL: "https://hooks.example.com/fuzz"})
		check("CreateWebhook", created != nil, err)
		if err == nil && created.ID == "" {
			t.Fatal("CreateWebhook accepted an answer without an id")
		}
		updated, err := c.UpdateWebhook(ctx, "WH1", WebhookInput{URL: "https://hooks.example.com/fuzz"})
		check("UpdateWebhook", updated != nil, err)
		err = c.DeleteWebhook(ctx, "WH1")
		check("DeleteWebhook", true, err)
	})
}
