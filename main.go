// Command terraform-provider-fieldservice serves the fieldservice Terraform
// provider over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	rdebug "runtime/debug"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// version is set at build time by goreleaser (-ldflags "-X main.version=...").
var version = "dev"

// logoutTimeout bounds the closing of ServiceTrade sessions at exit.
// Terraform (through go-plugin) asks the provider to stop when it is done
// with it and kills the process 2 s later, so the logout must fit well
// within that; a logout that does not is simply lost (ServiceTrade ends the
// session itself in time).
const logoutTimeout = 1500 * time.Millisecond

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
	// Started by Terraform without TF_LOG or TF_LOG_PROVIDER, the provider
	// would write hundreds of trace lines per request that Terraform reads
	// and drops; write none. In debug mode they go to the developer's
	// terminal: keep them.
	if !debug {
		provider.QuietDiscardedLogs()
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/fieldservice/fieldservice",
		Debug:   debug,
	})
	// Serve returns when Terraform has stopped the plugin server: the run
	// is over for this process, whatever its outcome.
	closeSessions()
	if err != nil {
		log.Fatal(err)
	}
}

// closeSessions logs out the legacy ServiceTrade sessions this process
// opened, so that runs do not pile up towards ServiceTrade's limit of 200
// sessions per user. Best effort: a failure is logged, never reported to the
// user, and never delays the exit beyond logoutTimeout.
func closeSessions() {
	// The plugin server's loggers are gone with it; log as it did, as JSON
	// on the process's original stderr, which Terraform reads until the
	// process exits (TF_LOG / TF_LOG_PROVIDER show it).
	ctx := tfsdklog.NewRootProviderLogger(context.Background(),
		tfsdklog.WithStderrFromInit(),
		tfsdklog.WithLogName("fieldservice"),
		tflog.WithLevelFromEnv("TF_LOG_PROVIDER", "FIELDSERVICE"))
	ctx, cancel := context.WithTimeout(ctx, logoutTimeout)
	defer cancel()
	n, err := stapi.LogoutAll(ctx)
	if err != nil {
		tflog.Warn(ctx, "could not close a ServiceTrade session at exit; ServiceTrade ends it by itself later", map[string]any{"error": err.Error()})
	}
	if n > 0 {
		tflog.Debug(ctx, "closed ServiceTrade sessions at exit", map[string]any{"sessions": n})
	}
}
