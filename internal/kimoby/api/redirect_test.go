package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

// The Kimoby Basic credentials never follow a redirect to another origin,
// for a GET or a POST: the server at the other end receives nothing, and
// the error says where the redirect pointed and why it was not followed.
func TestCredentialsNeverFollowARedirect(t *testing.T) {
	const key, secret = "rd-kimoby-key", "rd-kimoby-secret-6630"
	calls := map[string]func(*api.Client) error{
		"GET /webhooks": func(c *api.Client) error { _, err := c.ListWebhooks(context.Background()); return err },
		"POST /webhooks": func(c *api.Client) error {
			_, err := c.CreateWebhook(context.Background(), api.WebhookInput{URL: "https://receiver.example.com/hook"})
			return err
		},
	}
	for name, call := range calls {
		for _, tc := range transporttest.RedirectCases {
			t.Run(name+"/"+tc.Name, func(t *testing.T) {
				origin, hc, trap := tc.Start(t, nil, nil)
				c, err := api.New(api.Config{BaseURL: origin + "/v1", APIKey: key, APISecret: secret,
					HTTP: transport.Config{HTTPClient: hc, Retry: transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}}})
				if err != nil {
					t.Fatal(err)
				}
				err = call(c)
				if got := trap.Requests(); len(got) != 0 {
					t.Fatalf("the other origin received %d request(s); credentials among them: %v", len(got), trap.Leaks(key, secret))
				}
				if err == nil {
					t.Fatal("no error")
				}
				for _, want := range []string{"Kimoby", "redirect", "credentials are never sent", "another origin"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not mention %q", err, want)
					}
				}
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error %q shows the secret", err)
				}
			})
		}
	}
}
