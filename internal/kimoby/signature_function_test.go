package kimoby_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// Computed independently of this code:
//
//	printf '%s' "https://example.com/hookBODY" | openssl dgst -sha1 -hmac KEY -binary | base64
const opensslSignature = "7etpI6xet7bM61s945lOZ0SAtYE="

// Computed the same way for the documented example key and url and a
// documented event body:
//
//	printf '%s' 'https://your.app.com/webhook/path{"data":{"id":345634563},"event_name":"message_created"}' |
//	  openssl dgst -sha1 -hmac 1vb3auxyhmRZ1AyuCdT4AzNS0fz2RL61Elowdhxw -binary | base64
const opensslDocSignature = "ZryEjkBMrj/tEPZBAZKDVTnltaY="

func runSignature(t *testing.T, key, url, body string) (string, *function.FuncError) {
	t.Helper()
	req := function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{
		types.StringValue(key), types.StringValue(url), types.StringValue(body),
	})}
	resp := &function.RunResponse{Result: function.NewResultData(types.StringUnknown())}
	kimoby.NewSignatureFunction().Run(context.Background(), req, resp)
	if resp.Error != nil {
		return "", resp.Error
	}
	v, ok := resp.Result.Value().(types.String)
	if !ok || v.IsUnknown() || v.IsNull() {
		t.Fatalf("result = %v, want a known string", resp.Result.Value())
	}
	return v.ValueString(), nil
}

func TestSignatureFunction(t *testing.T) {
	cases := []struct{ key, url, body, want string }{
		{"KEY", "https://example.com/hook", "BODY", opensslSignature},
		{"1vb3auxyhmRZ1AyuCdT4AzNS0fz2RL61Elowdhxw", "https://your.app.com/webhook/path",
			`{"data":{"id":345634563},"event_name":"message_created"}`, opensslDocSignature},
	}
	for _, tc := range cases {
		got, err := runSignature(t, tc.key, tc.url, tc.body)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("signature(%q, %q, %q) = %q, want %q", tc.key, tc.url, tc.body, got, tc.want)
		}
	}
	// The url and body are concatenated without a separator, so moving
	// bytes from one to the other does not change the signature...
	if got, _ := runSignature(t, "KEY", "https://example.com/", "hookBODY"); got != opensslSignature {
		t.Errorf("moving bytes from the url to the body changed the signature: %q", got)
	}
	// ...while any other change does.
	if got, _ := runSignature(t, "KEY2", "https://example.com/hook", "BODY"); got == opensslSignature {
		t.Error("another key gave the same signature")
	}
	if _, err := runSignature(t, "", "https://example.com/hook", "BODY"); err == nil || err.FunctionArgument == nil || *err.FunctionArgument != 0 {
		t.Errorf("empty key: error %v, want an error on argument 0", err)
	}
}

// The function works from Terraform (1.8 or later), its result is sensitive
// when the key is, and it matches the key of a real webhook.
func TestAccKimobyWebhookSignature_function(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("kimoby-sig")
	webhook := fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "sig" {
  url = %q
}
output "delivery_signature" {
  value     = provider::fieldservice::kimoby_webhook_signature(fieldservice_kimoby_webhook.sig.authentication_key, fieldservice_kimoby_webhook.sig.url, "{\"event_name\":\"message_created\"}")
  sensitive = true
}
`, hookURL(name, "sig"))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: `
output "sig" {
  value = provider::fieldservice::kimoby_webhook_signature("KEY", "https://example.com/hook", "BODY")
}
`,
				Check: resource.TestCheckOutput("sig", opensslSignature),
			},
			{
				// A sensitive key makes a sensitive result: an output that
				// does not say so is refused.
				Config: `
variable "key" {
  type      = string
  sensitive = true
  default   = "KEY"
}
output "sig" {
  value = provider::fieldservice::kimoby_webhook_signature(var.key, "https://example.com/hook", "BODY")
}
`,
				ExpectError: regexp.MustCompile(`Output refers to sensitive values`),
			},
			{
				Config: `
output "sig" {
  value = provider::fieldservice::kimoby_webhook_signature("", "https://example.com/hook", "BODY")
}
`,
				ExpectError: acctest.ErrorText("the key must not be empty: give the webhook's authentication_key"),
			},
			{
				Config: webhook,
				Check: func(s *terraform.State) error {
					attrs := s.RootModule().Resources["fieldservice_kimoby_webhook.sig"].Primary.Attributes
					want := api.Signature(attrs["authentication_key"], attrs["url"], `{"event_name":"message_created"}`)
					out, ok := s.RootModule().Outputs["delivery_signature"]
					if !ok || out.Value != want || !out.Sensitive {
						return fmt.Errorf("delivery_signature = %+v, want the sensitive value %q", out, want)
					}
					return nil
				},
			},
		},
	})
}
