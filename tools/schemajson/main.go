// Command schemajson writes the provider's schemas in the format of
// `terraform providers schema -json`, for tfplugindocs (--providers-schema).
// It asks the provider itself, in-process, instead of a Terraform CLI: the
// CLI the Makefile builds (1.8.5) predates resource identity (1.12) and
// list resources (1.14), whose schemas it would leave out of the docs.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// key is the provider's key in the file: its name, which tfplugindocs
// (--provider-name) looks up.
const key = "fieldservice"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: schemajson OUTPUT.json")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "schemajson:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	ctx := context.Background()
	srv, err := providerserver.NewProtocol6WithError(provider.New("docs")())()
	if err != nil {
		return err
	}
	sch, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return err
	}
	if err := diagsError("GetProviderSchema", sch.Diagnostics); err != nil {
		return err
	}
	ids, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return err
	}
	if err := diagsError("GetResourceIdentitySchemas", ids.Diagnostics); err != nil {
		return err
	}
	ps, err := providerSchema(sch, ids)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(map[string]any{"format_version": "1.0", "provider_schemas": map[string]any{key: ps}}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o600)
}

func diagsError(call string, diags []*tfprotov6.Diagnostic) error {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return fmt.Errorf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
	return nil
}
