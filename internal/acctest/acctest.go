// Package acctest is the shared harness of the acceptance tests: provider
// factories, and either the in-process emulator (the default) or the real
// vendor APIs (FIELDSERVICE_ACC_LIVE=1 with the vendors' environment
// variables set).
package acctest

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	kickservapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	kimobyapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// ProviderName is the local name used in test configurations.
const ProviderName = "fieldservice"

// EmulatorPageSize is deliberately small so that every list the tests touch
// spans several pages.
const EmulatorPageSize = 2

var (
	shared     *emulator.Running
	sharedOnce sync.Once
	sharedErr  error
)

// Live reports whether the tests run against the real APIs.
func Live() bool { return os.Getenv("FIELDSERVICE_ACC_LIVE") == "1" }

// ProviderFactories serve the provider in-process to the Terraform CLI.
func ProviderFactories(opts ...provider.Option) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		ProviderName: providerserver.NewProtocol6WithError(provider.New("acctest", opts...)()),
	}
}

// PreCheck prepares the target API before a test: in emulator mode it
// starts the shared emulator and points the environment at it; in live mode
// it checks that the vendor's variables are set.
//
// Like terraform-plugin-testing, it skips the test unless TF_ACC is set, so
// tests may call it before building their steps.
func PreCheck(t *testing.T, vendorVars ...string) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run with TF_ACC=1 (make test or make testacc)")
	}
	if Live() {
		for _, v := range vendorVars {
			if os.Getenv(v) == "" {
				t.Fatalf("FIELDSERVICE_ACC_LIVE=1 needs %s to be set", v)
			}
		}
		return
	}
	if _, err := Shared(); err != nil {
		t.Fatalf("starting the emulator: %v", err)
	}
}

// Shared returns the emulator shared by the tests of one package, starting
// it on first use and exporting its environment variables.
func Shared() (*emulator.Running, error) {
	sharedOnce.Do(func() {
		shared, sharedErr = emulator.Start("127.0.0.1:0", emulator.Options{PageSize: EmulatorPageSize})
		if sharedErr != nil {
			return
		}
		for k, v := range shared.Env() {
			if err := os.Setenv(k, v); err != nil {
				sharedErr = fmt.Errorf("setting %s: %w", k, err)
				return
			}
		}
	})
	return shared, sharedErr
}

// Isolated starts an emulator for one test alone, for tests that expire
// sessions or count logins and must not disturb, or be disturbed by, the
// others. It is closed when the test ends.
func Isolated(t *testing.T, opts emulator.Options) *emulator.Running {
	t.Helper()
	RequireEmulator(t)
	if opts.PageSize == 0 {
		opts.PageSize = EmulatorPageSize
	}
	run, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatalf("starting an isolated emulator: %v", err)
	}
	t.Cleanup(func() { _ = run.Close() })
	return run
}

// RequireEmulator skips tests that need the emulator's test hooks (expiring
// sessions, counting logins) when running against the real APIs, where
// those hooks do not exist. By default every test runs.
func RequireEmulator(t *testing.T) {
	t.Helper()
	if Live() {
		t.Skip("needs the emulator's test hooks; not available with FIELDSERVICE_ACC_LIVE=1")
	}
}

// ServiceTradeClient builds an API client from the SERVICETRADE_*
// environment, for out-of-band changes and destroy checks.
func ServiceTradeClient(t *testing.T) *stapi.Client {
	t.Helper()
	c, err := stapi.New(stapi.Config{
		BaseURL:      os.Getenv("SERVICETRADE_BASE_URL"),
		ClientID:     os.Getenv("SERVICETRADE_CLIENT_ID"),
		ClientSecret: os.Getenv("SERVICETRADE_CLIENT_SECRET"),
		Username:     os.Getenv("SERVICETRADE_USERNAME"),
		Password:     os.Getenv("SERVICETRADE_PASSWORD"),
	})
	return built(t, "ServiceTrade", c, err)
}

// KimobyClient builds an API client from the KIMOBY_* environment, for
// out-of-band changes and destroy checks. Each call returns a new client,
// with its own (empty) webhook listing cache.
func KimobyClient(t *testing.T) *kimobyapi.Client {
	t.Helper()
	c, err := kimobyapi.New(kimobyapi.Config{
		BaseURL:   os.Getenv("KIMOBY_BASE_URL"),
		APIKey:    os.Getenv("KIMOBY_API_KEY"),
		APISecret: os.Getenv("KIMOBY_API_SECRET"),
	})
	return built(t, "Kimoby", c, err)
}

// KickservClient builds an API client from the KICKSERV_* environment, for
// out-of-band changes and destroy checks.
func KickservClient(t *testing.T) *kickservapi.Client {
	t.Helper()
	c, err := kickservapi.New(kickservapi.Config{
		BaseURL:  os.Getenv("KICKSERV_BASE_URL"),
		Account:  os.Getenv("KICKSERV_ACCOUNT"),
		APIToken: os.Getenv("KICKSERV_API_TOKEN"),
	})
	return built(t, "Kickserv", c, err)
}

// built is the client c that New built from the environment, or the end of
// the test t when err says why it could not.
func built[C any](t *testing.T, vendor string, c C, err error) C {
	t.Helper()
	if err != nil {
		t.Fatalf("building a %s client from the environment: %v", vendor, err)
	}
	return c
}
