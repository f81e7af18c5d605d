package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// fuzzRetry sends once and allows no wait: a fuzzed 5xx must not be
// retried, nor a fuzzed 429, which is retried for as long as MaxElapsed
// allows whatever MaxAttempts says.
var fuzzRetry = transport.RetryPolicy{MaxAttempts: 1, MaxElapsed: time.Nanosecond}

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

// sameWebhooks compares lists, an empty list equal to none.
func sameWebhooks(a, b []Webhook) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// FuzzKimobyDecode feeds arbitrary bodies to the webhook, list and error
// decoding, directly and through the client with each status: any input
// must give a result or an error, never a panic; an error must say what
// the server answered; and a 2xx answer must give exactly the webhook (or
// the distinct webhooks) the body holds.
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
		msg := errorMessage(body)
		if len(bytes.TrimSpace(body)) > 0 && strings.TrimSpace(msg) == "" {
			t.Fatalf("errorMessage found nothing to say about %q", body)
		}
		_ = newError("GET", "/webhooks", status, msg, 2).Error()

		// The client, with the fuzzed answer to every request (and every
		// page of the list).
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:9/v1", APIKey: "fuzz-key", APISecret: "fuzz-secret-0123456789",
			HTTP: transport.Config{HTTPClient: &http.Client{Transport: stubHTTP{status, body}}, Retry: fuzzRetry},
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		success := status >= 200 && status <= 299
		checkAPIError := func(op string, err error) {
			t.Helper()
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("%s: a %d answer gave %v (%T), want an *Error with that status", op, status, err, err)
			}
			if m := err.Error(); !strings.Contains(m, strconv.Itoa(status)) {
				t.Fatalf("%s: error %q does not name the status", op, m)
			}
		}
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
			checkAPIError("ListWebhooks", err)
		} else {
			want := distinct(many)
			switch {
			case err == nil && !manyOK:
				t.Fatalf("ListWebhooks accepted a body that is not a list, giving %+v", hooks)
			case err == nil && !sameWebhooks(hooks, want):
				t.Fatalf("ListWebhooks returned %+v; the body holds %+v", hooks, want)
			}
		}
		got, err := c.GetWebhook(ctx, "WH1")
		if !success {
			checkAPIError("GetWebhook", err)
		} else if err == nil && (got == nil || got.ID != "WH1") {
			t.Fatalf("GetWebhook(WH1) gave %+v", got)
		}
		created, err := c.CreateWebhook(ctx, WebhookInput{URL: "https://hooks.example.com/fuzz"})
		if !success {
			checkAPIError("CreateWebhook", err)
		} else {
			switch {
			case err == nil && (!oneOK || one.ID == ""):
				t.Fatalf("CreateWebhook accepted an answer without a webhook id, giving %+v", created)
			case err != nil && oneOK && one.ID != "":
				t.Fatalf("CreateWebhook refused an answer holding webhook %+v: %v", one, err)
			case err == nil && *created != one:
				t.Fatalf("CreateWebhook returned %+v; the answer holds %+v", *created, one)
			}
		}
		updated, err := c.UpdateWebhook(ctx, "WH1", WebhookInput{URL: "https://hooks.example.com/fuzz"})
		if !success {
			checkAPIError("UpdateWebhook", err)
		} else {
			switch {
			case err == nil && !oneOK:
				t.Fatalf("UpdateWebhook accepted an answer that is not a webhook, giving %+v", updated)
			case err != nil && oneOK:
				t.Fatalf("UpdateWebhook refused an answer holding %+v: %v", one, err)
			case err == nil && *updated != one:
				t.Fatalf("UpdateWebhook returned %+v; the answer holds %+v", *updated, one)
			}
		}
		// A delete reads no body: any 2xx is success.
		err = c.DeleteWebhook(ctx, "WH1")
		if !success {
			checkAPIError("DeleteWebhook", err)
		} else if err != nil {
			t.Fatalf("DeleteWebhook failed on a %d answer: %v", status, err)
		}
	})
}
