// Command terraform-provider-fieldservice serves the fieldservice Terraform
// provider over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	rdebug "runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// version is set at build time by goreleaser (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	// Terraform keeps the provider alive for a whole command and the plugin
	// libraries retain memory per call; a soft limit keeps the process
	// small on large configurations (users can still set GOMEMLIMIT).
	if os.Getenv("GOMEMLIMIT") == "" {
		rdebug.SetMemoryLimit(64 << 20)
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/fieldservice/fieldservice",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
