package provider_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// secretName matches attribute names that hold credentials or keys.
var secretName = regexp.MustCompile(`(^|_)(password(_wo)?|secret|api_secret|token|api_token|api_key|authentication_key|client_secret)$`)

// Every attribute that holds a secret, in the provider configuration and in
// every resource and data source, is Sensitive (or write-only, which never
// reaches state), and every attribute has a description for the docs.
func TestSchemasMarkSecretsSensitiveAndDescribeEverything(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	checked, secrets := 0, 0
	var walk func(where string, b *tfprotov6.SchemaBlock)
	walk = func(where string, b *tfprotov6.SchemaBlock) {
		for _, a := range b.Attributes {
			checked++
			name := where + "." + a.Name
			if a.Description == "" {
				t.Errorf("%s has no description", name)
			}
			if secretName.MatchString(a.Name) {
				secrets++
				if !a.Sensitive && !a.WriteOnly {
					t.Errorf("%s holds a secret but is neither Sensitive nor write-only", name)
				}
			}
			if a.NestedType != nil {
				walk(name, &tfprotov6.SchemaBlock{Attributes: a.NestedType.Attributes})
			}
		}
		for _, nb := range b.BlockTypes {
			if nb.Block.Description == "" {
				t.Errorf("%s.%s has no description", where, nb.TypeName)
			}
			walk(where+"."+nb.TypeName, nb.Block)
		}
	}
	walk("provider", resp.Provider.Block)
	for name, s := range resp.ResourceSchemas {
		if s.Block.Description == "" {
			t.Errorf("resource %s has no description", name)
		}
		walk(name, s.Block)
	}
	for name, s := range resp.DataSourceSchemas {
		if s.Block.Description == "" {
			t.Errorf("data source %s has no description", name)
		}
		walk("data."+name, s.Block)
	}
	if secrets < 8 {
		t.Errorf("only %d secret attributes found; the name pattern no longer matches the schemas", secrets)
	}
	t.Logf("%d attributes in %d resources and %d data sources checked; %d hold secrets", checked, len(resp.ResourceSchemas), len(resp.DataSourceSchemas), secrets)
}
