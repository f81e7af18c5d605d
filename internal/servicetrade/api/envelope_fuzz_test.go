package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/fuzzcheck"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// fuzzStatuses are the statuses a fuzzed answer comes with, picked by the
// fuzzer's code byte.
var fuzzStatuses = fuzzcheck.Statuses{200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503}

const fuzzToken = `{"access_token":"fuzz-token-0123456789","token_type":"Bearer","expires_in":3600}`

func fuzzClient(t *testing.T, cfg Config, answer func(*http.Request) (int, []byte)) *Client {
	t.Helper()
	cfg.BaseURL = "http://127.0.0.1:9/api"
	cfg.HTTP = fuzzcheck.NewServer(t, "application/json", answer).HTTP()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// dataOf decodes the data member of a body into a T, as a single-record
// call must: ok is false when the body is not an envelope or the data is
// not a T. No data, or null, is the zero T.
func dataOf[T any](body []byte) (T, bool) {
	var v T
	env, err := decodeEnvelope(body)
	if err != nil {
		return v, false
	}
	if len(env.Data) == 0 || string(env.Data) == "null" {
		return v, true
	}
	return v, json.Unmarshal(env.Data, &v) == nil
}

// listOf is what the first page of a list holds under key, or ok false
// when the page is unreadable.
func listOf[T any](body []byte, key string) ([]T, bool) {
	data, ok := dataOf[map[string]json.RawMessage](body)
	if !ok {
		return nil, false
	}
	var items []T
	if raw, found := data[key]; found && string(raw) != "null" {
		if json.Unmarshal(raw, &items) != nil {
			return nil, false
		}
	}
	return items, true
}

// checkListed holds a listing answered with a 2xx: success means the list
// is the page's items (the stub's later pages are empty). A listing may
// still refuse a readable page that contradicts itself (its "page" is not
// the page asked for), so a failed call is only checked against an
// unreadable page.
func checkListed[T any](t *testing.T, op string, got []T, err error, body []byte, key string) {
	t.Helper()
	want, ok := listOf[T](body, key)
	fuzzcheck.Listed(t, op, got, err, want, ok, false)
}

// FuzzDecodeEnvelope feeds arbitrary bodies to the envelope decoder and,
// with each status, to the client's request, list and auth paths: any
// input must give a result or an error, never a panic; an error must name
// the status; and a 2xx answer must give exactly what its data holds (or an
// error exactly when the data cannot be read).
func FuzzDecodeEnvelope(f *testing.F) {
	fuzzcheck.Seed(f,
		`{"messages":{"success":["Region created"]},"data":{"id":12884901888,"uri":"https://api.servicetrade.com/api/region/12884901888","name":"North","color":"#ff9000","points":[[36.1,-115.4],[36.2,-115.5],[37.1,-115.5]],"offices":[{"id":1,"name":"HQ"}]}}`,
		`{"data":{"totalPages":3,"page":1,"regions":[{"id":1,"name":"a","points":[]},{"id":2,"name":"b"}]}}`,
		`{"messages":{"error":["Region not found"]},"data":null}`,
		`{"messages":{"error":"one string","validation":{"points":["at least 3 points"],"officeIds":"42 is not an office"}},"data":[]}`,
		`{"messages":{"validation":[]},"data":{}}`,
		`{"messages":"not an object","data":"a string"}`,
		`{"message":"injected fault: Service Unavailable"}`,
		`<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>`,
		``, `null`, `[]`, `"string"`, `{`, `{"data":{"totalPages":1e400}}`,
		`{"data":{"id":"12","points":[[1],[1,2,3]],"color":5}}`,
		`{"data":{"totalPages":-1,"regions":null}}`,
		strings.Repeat(`{"data":`, 2000)+`1`+strings.Repeat(`}`, 2000),
		"{\"messages\":{\"error\":[\"\xff\xfe invalid utf-8\"]}}",
		`{"authenticated":true,"data":{"authenticated":true,"authToken":"abc"}}`,
		`{"data":{"access_token":"nested-token","expires_in":"60"}}`,
		`{"access_token":"tok","expires_in":-99999999999999999999}`,
	)
	f.Fuzz(func(t *testing.T, body []byte, code byte) {
		status := fuzzStatuses.Pick(code)

		// The decoder itself.
		env, err := decodeEnvelope(body)
		fuzzcheck.ResultOrError(t, "decodeEnvelope", env, err)
		if env != nil && env.Messages != nil {
			_ = (&Error{APIError: transport.APIError{StatusCode: status}, Messages: env.Messages.Error, Validation: env.Messages.Validation}).Error()
		}

		// The client, with the fuzzed answer to every API call.
		ctx := context.Background()
		c := fuzzClient(t, Config{ClientID: "id", ClientSecret: "secret"}, func(r *http.Request) (int, []byte) {
			switch {
			case r.URL.Path == "/api/oauth2/token":
				return 200, []byte(fuzzToken)
			case fuzzcheck.LaterPage(r):
				// Later pages end the list, so that a fuzzed totalPages
				// does not make a listing page 10,000 times.
				return 200, []byte(`{"data":{"totalPages":1,"regions":[],"webhooks":[]}}`)
			}
			return status, body
		})
		r, err := c.GetRegion(ctx, 1)
		created, createErr := c.CreateRegion(ctx, RegionInput{Name: "fuzz"})
		list, listErr := c.ListRegions(ctx, RegionFilter{})
		hooks, hooksErr := c.ListWebhooks(ctx)
		deleteErr := c.DeleteRegion(ctx, 1)
		if !fuzzcheck.Success(status) {
			fuzzcheck.APIError[*Error](t, "GetRegion", status, err)
			fuzzcheck.APIError[*Error](t, "CreateRegion", status, createErr)
			fuzzcheck.APIError[*Error](t, "ListRegions", status, listErr)
			fuzzcheck.APIError[*Error](t, "ListWebhooks", status, hooksErr)
			fuzzcheck.APIError[*Error](t, "DeleteRegion", status, deleteErr)
		} else {
			want, ok := dataOf[Region](body)
			var got, gotCreated Region
			if r != nil {
				got = *r
			}
			if created != nil {
				gotCreated = *created
			}
			if (err == nil && r == nil) || (createErr == nil && created == nil) {
				t.Fatalf("a %d answer gave no region and no error: %v, %v", status, r, created)
			}
			fuzzcheck.Decoded(t, "GetRegion", got, err, want, ok, ok)
			fuzzcheck.Decoded(t, "CreateRegion", gotCreated, createErr, want, ok, ok)
			checkListed(t, "ListRegions", list, listErr, body, "regions")
			checkListed(t, "ListWebhooks", hooks, hooksErr, body, "webhooks")
			// A delete reads nothing but the envelope.
			_, envErr := decodeEnvelope(body)
			fuzzcheck.Decoded(t, "DeleteRegion", struct{}{}, deleteErr, struct{}{}, envErr == nil, envErr == nil)
		}

		// The fuzzed answer to each login flow: a credential or an error.
		region := []byte(`{"data":{"id":1,"name":"r","points":[[1,1],[2,2],[3,1]]}}`)
		for _, cfg := range []Config{{ClientID: "id", ClientSecret: "secret"}, {Username: "user", Password: "password"}} {
			c := fuzzClient(t, cfg, func(r *http.Request) (int, []byte) {
				if r.URL.Path == "/api/oauth2/token" || r.URL.Path == "/api/auth" {
					return status, body
				}
				return 200, region
			})
			if _, err := c.GetRegion(ctx, 1); err != nil {
				var authErr *AuthError
				if !errors.As(err, &authErr) {
					t.Fatalf("a failed login gave %v (%T), want an *AuthError", err, err)
				}
				_ = err.Error()
			}
		}

		// Data members of any shape decode or fail cleanly.
		if env != nil && len(env.Data) > 0 {
			var one Region
			_ = json.Unmarshal(env.Data, &one)
			var page map[string]json.RawMessage
			_ = json.Unmarshal(env.Data, &page)
		}
	})
}
