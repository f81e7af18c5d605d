// Command fieldservice-emulator serves the in-memory vendor API emulator on
// a loopback port and prints the environment variables that point the
// provider at it.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8787", "loopback address to listen on (127.0.0.1:0 picks a free port)")
	pageSize := flag.Int("page-size", 0, "items per list page (0: each vendor's default)")
	latency := flag.Duration("latency", 0, "delay added to every request, e.g. 25ms")
	envFile := flag.String("env-file", "", "also write the export lines to this file")
	flag.Parse()

	run, err := emulator.Start(*addr, emulator.Options{PageSize: *pageSize, Latency: *latency})
	if err != nil {
		log.Fatalf("starting emulator: %v", err)
	}
	env := run.Env()
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	lines := ""
	for _, k := range keys {
		lines += fmt.Sprintf("export %s=%q\n", k, env[k])
	}
	fmt.Printf("fieldservice emulator listening on %s\n", run.URL)
	fmt.Printf("  ServiceTrade: %s\n", run.ServiceTradeURL())
	fmt.Printf("  Kimoby:       %s\n", run.KimobyURL())
	fmt.Printf("  Kickserv:     %s (account %q)\n", run.KickservURL(), kickserv.Account)
	fmt.Printf("\nPoint the provider at it with:\n\n%s\n", lines)
	if *envFile != "" {
		if err := os.WriteFile(*envFile, []byte(lines), 0o600); err != nil {
			log.Fatalf("writing %s: %v", *envFile, err)
		}
	}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	st := run.ServiceTrade.Stats()
	fmt.Printf("\nrequests served: %v\nServiceTrade sessions created: %d, tokens issued: %d\n", run.Requests(), st.SessionsCreated, st.TokensIssued)
	_ = run.Close()
	time.Sleep(50 * time.Millisecond)
}
