package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

// What an error shows of an answer passes through the client's redactor: a
// secret the server echoes, in its message or anywhere in a body shown as a
// snippet, or a sensitive member of a broken JSON body, never reaches a
// diagnostic.
func TestErrorsNeverShowSecretsTheServerEchoes(t *testing.T) {
	const key, secret = "echo-kimoby-key", "echo-kimoby-secret-2290"
	cases := []struct {
		name, body, hidden string
		status             int
	}{
		{"message", `{"message":"API secret ` + secret + ` is not valid"}`, secret, http.StatusBadRequest},
		{"message list", `{"message":["key ` + key + ` suspended"]}`, key, http.StatusBadRequest},
		{"html page", `<html><body>Basic ` + key + `:` + secret + `</body></html>`, secret, http.StatusBadGateway},
		{"broken json, unknown value", `{"errors":{"api_secret":"never-registered-3318"`, "never-registered-3318", http.StatusInternalServerError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := api.New(api.Config{BaseURL: transporttest.Answer(t, tc.status, "", tc.body), APIKey: key, APISecret: secret,
				HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 1, MinDelay: time.Millisecond}}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.CreateWebhook(context.Background(), api.WebhookInput{URL: "https://receiver.example.com/hook"})
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), tc.hidden) {
				t.Errorf("error %q shows %q", err, tc.hidden)
			}
			if !strings.Contains(err.Error(), transport.Redacted) {
				t.Errorf("error %q does not show where something was redacted", err)
			}
		})
	}
}
