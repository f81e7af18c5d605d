// Command fieldservice-emulator serves the in-memory vendor API emulator on
// a loopback port and prints the environment variables that point the
// provider at it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
)

func main() {
	run, err := start(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	st := run.ServiceTrade.Stats()
	fmt.Printf("\nrequests served: %v\nServiceTrade sessions created: %d (closed by logout: %d, still open: %d), tokens issued: %d\n",
		run.Requests(), st.SessionsCreated, st.SessionsClosed, st.OpenSessions, st.TokensIssued)
	_ = run.Close()
	time.Sleep(50 * time.Millisecond)
}

// start parses args, starts the emulator and prints how to use it to out.
func start(args []string, out io.Writer) (*emulator.Running, error) {
	fs := flag.NewFlagSet("fieldservice-emulator", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:8787", "loopback address to listen on (127.0.0.1:0 picks a free port)")
	pageSize := fs.Int("page-size", 0, "items per list page (0: each vendor's default)")
	latency := fs.Duration("latency", 0, "delay added to every request, e.g. 25ms")
	tokenLifetime := fs.Duration("token-lifetime", time.Hour, "lifetime of ServiceTrade OAuth2 tokens, e.g. 2m to watch the provider renew them")
	kimobyList := fs.String("kimoby-webhook-list", "paged", `how Kimoby's GET /webhooks treats page and per_page: "paged" (the reference's general pagination rule) or "unpaged" (the whole list every time, as its webhook section shows it)`)
	envFile := fs.String("env-file", "", "also write the export lines to this file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if *tokenLifetime < time.Second {
		return nil, fmt.Errorf("--token-lifetime must be at least 1s (tokens announce their lifetime in whole seconds), not %s", *tokenLifetime)
	}

	listMode, err := kimoby.ParseWebhookListMode(*kimobyList)
	if err != nil {
		return nil, fmt.Errorf("--kimoby-webhook-list: %w", err)
	}

	run, err := emulator.Start(*addr, emulator.Options{PageSize: *pageSize, Latency: *latency, TokenTTL: *tokenLifetime, KimobyWebhookList: listMode})
	if err != nil {
		return nil, fmt.Errorf("starting emulator: %w", err)
	}
	// OAuth2 is set, the legacy session pair is shown commented out: with
	// both set the provider warns and uses OAuth2.
	lines := exports(run.Env(), "")
	lines += "# ServiceTrade username/password (legacy session) flow: unset the two\n# SERVICETRADE_CLIENT_* variables and set these instead:\n"
	lines += exports(run.SessionEnv(), "# ")
	fmt.Fprintf(out, "fieldservice emulator listening on %s\n", run.URL)
	fmt.Fprintf(out, "  ServiceTrade: %s (OAuth2 tokens live %s)\n", run.ServiceTradeURL(), *tokenLifetime)
	fmt.Fprintf(out, "  Kimoby:       %s\n", run.KimobyURL())
	fmt.Fprintf(out, "  Kickserv:     %s (account %q)\n", run.KickservURL(), kickserv.Account)
	fmt.Fprintf(out, "\nPoint the provider at it with:\n\n%s\n", lines)
	fmt.Fprintf(out, "Expire every ServiceTrade session and token (the provider logs in again on its next 401):\n  curl -X POST %s/_emulator/servicetrade/expire-credentials\n", run.URL)
	if *envFile != "" {
		if err := os.WriteFile(*envFile, []byte(lines), 0o600); err != nil {
			_ = run.Close()
			return nil, fmt.Errorf("writing %s: %w", *envFile, err)
		}
	}
	return run, nil
}

// exports renders env as sorted shell export lines, each after prefix.
func exports(env map[string]string, prefix string) string {
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%sexport %s=%q\n", prefix, k, env[k])
	}
	return b.String()
}
