package kimoby

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

var _ function.Function = (*signatureFunction)(nil)

// NewSignatureFunction is the kimoby_webhook_signature function.
func NewSignatureFunction() function.Function { return &signatureFunction{} }

type signatureFunction struct{}

func (f *signatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "kimoby_webhook_signature"
}

func (f *signatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Computes the X-Kimoby-Signature of a webhook delivery.",
		Description: "Returns the value Kimoby sends in the `X-Kimoby-Signature` header of a delivery: the base64-encoded HMAC-SHA1 of the webhook `url` " +
			"immediately followed by the request `body` (no separator), keyed with the webhook's `authentication_key`. " +
			"There is no trailing newline (Kimoby's Ruby example uses `Base64.encode64`, which adds one: trim white space before comparing). " +
			"Useful to configure or test a receiver. The result is as secret as the key: Terraform marks it sensitive when the key is.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "key", Description: "The webhook's authentication_key (the `authentication_key` attribute of `fieldservice_kimoby_webhook`). Must not be empty."},
			function.StringParameter{Name: "url", Description: "The webhook url exactly as registered in Kimoby."},
			function.StringParameter{Name: "body", Description: "The raw request body, byte for byte, as received."},
		},
		Return: function.StringReturn{},
	}
}

func (f *signatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var key, url, body string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &key, &url, &body))
	if resp.Error != nil {
		return
	}
	if key == "" {
		resp.Error = function.NewArgumentFuncError(0, "the key must not be empty: give the webhook's authentication_key")
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Result.Set(ctx, api.Signature(key, url, body)))
}
