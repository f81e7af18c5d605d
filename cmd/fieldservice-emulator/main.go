// Command fieldservice-emulator serves the in-memory vendor API emulator on
// a loopback port and prints the environment variables that point the
// provider at it.
//
// It can start from a seed file (--seed FILE: the objects each vendor holds
// at the start; SEED.md beside this file) and write what the vendors hold
// when it stops (--dump FILE, on SIGINT or SIGTERM), in the same format, so
// that a later run can start where this one stopped. README.md beside this
// file lists the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// version is set by the release build (-X main.version=...).
var version = "dev"

// shutdownTimeout is how long the requests in flight get to finish once a
// signal asks the emulator to stop.
const shutdownTimeout = 5 * time.Second

func main() {
	stop := make(chan os.Signal, 2)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	os.Exit(serve(os.Args[1:], os.Stdout, os.Stderr, stop))
}

// serve runs the command: it starts the emulator, waits for a signal on
// stop, stops the emulator (the listener at once, the requests in flight
// within shutdownTimeout), writes the dump if asked, and returns the exit
// status: 0 after a signal, 1 when the emulator cannot start or the dump
// cannot be written, 2 for a command line it cannot read.
func serve(args []string, out, errOut io.Writer, stop <-chan os.Signal) int {
	cfg, err := parseFlags(args, out)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var usage usageError
	if errors.As(err, &usage) {
		return 2 // the flag package has printed the error and the usage
	}
	if err != nil {
		fmt.Fprintf(errOut, "fieldservice-emulator: %v\n", err)
		return 2
	}
	run, err := startWith(cfg, out)
	if err != nil {
		fmt.Fprintf(errOut, "fieldservice-emulator: %v\n", err)
		return 1
	}
	sig := <-stop
	fmt.Fprintf(out, "\n%s: stopping (the requests in flight get %s to finish)\n", sig, shutdownTimeout)
	// A second signal stops at once, without the dump.
	go func() {
		<-stop
		fmt.Fprintln(errOut, "fieldservice-emulator: second signal: stopped without finishing")
		os.Exit(1)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := run.Shutdown(ctx); err != nil {
		fmt.Fprintf(errOut, "fieldservice-emulator: requests still running after %s were cut short: %v\n", shutdownTimeout, err)
	}
	st := run.ServiceTrade.Stats()
	fmt.Fprintf(out, "requests served: %v\nServiceTrade sessions created: %d (closed by logout: %d, still open: %d), tokens issued: %d\n",
		run.Requests(), st.SessionsCreated, st.SessionsClosed, st.OpenSessions, st.TokensIssued)
	if cfg.dump != "" {
		if err := writeDump(run.Emulator, cfg.dump); err != nil {
			fmt.Fprintf(errOut, "fieldservice-emulator: %v\n", err)
			return 1
		}
		fmt.Fprintf(out, "dump written to %s (load it with --seed %s)\n", cfg.dump, cfg.dump)
	}
	return 0
}

// config is what the command line says.
type config struct {
	addr          string // host:port to listen on
	seed          string
	dump          string
	envFile       string
	tokenLifetime time.Duration
	opts          emulator.Options
}

// usageError is a command line the flag package refused (and has already
// explained, with the usage).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

const defaultAddr = "127.0.0.1:8787"

// parseFlags reads the command line; the flag package's messages and the
// usage go to out.
func parseFlags(args []string, out io.Writer) (*config, error) {
	fs := flag.NewFlagSet("fieldservice-emulator", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: fieldservice-emulator [flags]\n\n"+
			"Serves in-memory emulations of the ServiceTrade, Kimoby and Kickserv APIs and prints the\n"+
			"environment variables that point the Terraform provider at them. Stop it with Ctrl-C or SIGTERM.\n\n"+
			"Where it listens: --addr HOST:PORT, or --listen HOST and --port N, which replace the host and\n"+
			"the port of --addr (default %s). Only loopback hosts are accepted unless\n"+
			"--allow-non-loopback is given.\n\nFlags:\n", defaultAddr)
		fs.PrintDefaults()
	}
	addr := fs.String("addr", defaultAddr, "address to listen on, HOST:PORT (port 0 picks a free port); --listen and --port replace its parts")
	listen := fs.String("listen", "", "host to listen on (an IP address or localhost), replacing the host of --addr; a non-loopback host needs --allow-non-loopback")
	port := fs.Int("port", -1, "port to listen on, replacing the port of --addr (0 picks a free port, printed at the start)")
	allow := fs.Bool("allow-non-loopback", false, "allow a --listen or --addr host that is not loopback (e.g. 0.0.0.0): anyone who reaches it can use the emulator, whose credentials are fixed and public")
	seed := fs.String("seed", "", "seed file (YAML or JSON) with the objects each vendor holds at the start; a vendor the file leaves out starts with its built-in objects (see SEED.md)")
	dump := fs.String("dump", "", "write what the vendors hold to this file, as a seed file, when the emulator stops on SIGINT or SIGTERM (it may be the --seed file)")
	pageSize := fs.Int("page-size", 0, "items per list page (0: each vendor's default)")
	latency := fs.Duration("latency", 0, "delay added to every request, e.g. 25ms")
	tokenLifetime := fs.Duration("token-lifetime", time.Hour, "lifetime of ServiceTrade OAuth2 tokens, e.g. 2m to watch the provider renew them")
	kimobyList := fs.String("kimoby-webhook-list", "paged", `how Kimoby's GET /webhooks treats page and per_page: "paged" (the reference's general pagination rule) or "unpaged" (the whole list every time, as its webhook section shows it)`)
	envFile := fs.String("env-file", "", "also write the export lines to this file")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError{err}
	}
	if *showVersion {
		fmt.Fprintf(out, "fieldservice-emulator %s\n", version)
		return nil, flag.ErrHelp
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q: every setting is a flag (see --help)", fs.Arg(0))
	}
	if *tokenLifetime < time.Second {
		return nil, fmt.Errorf("--token-lifetime must be at least 1s (tokens announce their lifetime in whole seconds), not %s", *tokenLifetime)
	}
	listMode, err := kimoby.ParseWebhookListMode(*kimobyList)
	if err != nil {
		return nil, fmt.Errorf("--kimoby-webhook-list: %w", err)
	}
	listenAddr, err := combineAddr(*addr, *listen, *port)
	if err != nil {
		return nil, err
	}
	if *dump != "" {
		if fi, err := os.Stat(filepath.Dir(*dump)); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("--dump %s: the directory %s does not exist", *dump, filepath.Dir(*dump))
		}
	}
	return &config{
		addr: listenAddr, seed: *seed, dump: *dump, envFile: *envFile, tokenLifetime: *tokenLifetime,
		opts: emulator.Options{PageSize: *pageSize, Latency: *latency, TokenTTL: *tokenLifetime, KimobyWebhookList: listMode, AllowNonLoopback: *allow},
	}, nil
}

// combineAddr is the address to listen on: addr, its host replaced by
// listen and its port by port when they are given (port < 0: not given).
func combineAddr(addr, listen string, port int) (string, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q is not HOST:PORT (e.g. 127.0.0.1:8787): %v", addr, err)
	}
	if listen != "" {
		h := strings.TrimSuffix(strings.TrimPrefix(listen, "["), "]")
		if net.ParseIP(h) == nil && strings.Contains(h, ":") {
			return "", fmt.Errorf("--listen %q: give the host alone (e.g. 127.0.0.1 or ::1) and the port with --port, or HOST:PORT with --addr", listen)
		}
		host = h
	}
	if port >= 0 {
		if port > 65535 {
			return "", fmt.Errorf("--port %d is not a TCP port (0 to 65535; 0 picks a free one)", port)
		}
		p = strconv.Itoa(port)
	}
	return net.JoinHostPort(host, p), nil
}

// start parses args, starts the emulator and prints how to use it to out.
func start(args []string, out io.Writer) (*emulator.Running, error) {
	cfg, err := parseFlags(args, out)
	if err != nil {
		return nil, err
	}
	return startWith(cfg, out)
}

// startWith starts the emulator cfg describes and prints how to use it.
func startWith(cfg *config, out io.Writer) (*emulator.Running, error) {
	if cfg.seed != "" {
		f, err := seedfile.Read(cfg.seed)
		if err != nil {
			return nil, err
		}
		cfg.opts.Seed = f
	}
	run, err := emulator.Start(cfg.addr, cfg.opts)
	var seedErr *seedfile.FileError
	if errors.As(err, &seedErr) {
		return nil, err // it says which file and which entries
	}
	if errors.Is(err, emulator.ErrNotLoopback) {
		return nil, fmt.Errorf("not listening on %s: %w; to serve other machines anyway, add --allow-non-loopback", cfg.addr, err)
	}
	if err != nil {
		return nil, fmt.Errorf("starting emulator: %w", err)
	}
	host, _, _ := net.SplitHostPort(cfg.addr)
	nonLoopback := !emulator.IsLoopback(host)
	if nonLoopback {
		fmt.Fprintf(out, "WARNING: listening on %s, beyond this machine: anyone who can reach it can use the emulator, with the fixed, public credentials printed below. Use it on a network you trust only.\n\n", run.Addr)
	}
	// OAuth2 is set, the legacy session pair is shown commented out: with
	// both set the provider warns and uses OAuth2.
	lines := exports(run.Env(), "")
	lines += "# ServiceTrade username/password (legacy session) flow: unset the two\n# SERVICETRADE_CLIENT_* variables and set these instead:\n"
	lines += exports(run.SessionEnv(), "# ")
	fmt.Fprintf(out, "fieldservice emulator listening on %s\n", run.URL)
	if nonLoopback {
		fmt.Fprintf(out, "  (bound to %s; the URLs below are this machine's)\n", run.Addr)
	}
	if _, p, _ := net.SplitHostPort(cfg.addr); p == "0" {
		_, picked, _ := net.SplitHostPort(run.Addr)
		fmt.Fprintf(out, "  (port %s, picked because the port asked for was 0)\n", picked)
	}
	seeded := "built-in objects"
	if cfg.seed != "" {
		seeded = "objects of " + cfg.seed + describeSections(cfg.opts.Seed)
	}
	fmt.Fprintf(out, "  seeded with the %s\n", seeded)
	fmt.Fprintf(out, "  ServiceTrade: %s (OAuth2 tokens live %s)\n", run.ServiceTradeURL(), cfg.tokenLifetime)
	fmt.Fprintf(out, "  Kimoby:       %s\n", run.KimobyURL())
	fmt.Fprintf(out, "  Kickserv:     %s (account %q)\n", run.KickservURL(), kickserv.Account)
	fmt.Fprintf(out, "\nPoint the provider at it with:\n\n%s\n", lines)
	fmt.Fprintf(out, "Expire every ServiceTrade session and token (the provider logs in again on its next 401):\n  curl -X POST %s/_emulator/servicetrade/expire-credentials\n", run.URL)
	fmt.Fprintf(out, "Save what the vendors hold now as a seed file (load it with --seed):\n  curl -o seed.json %s/_emulator/dump\n", run.URL)
	if cfg.dump != "" {
		fmt.Fprintf(out, "On Ctrl-C or SIGTERM, what the vendors hold is written to %s.\n", cfg.dump)
	}
	if cfg.envFile != "" {
		if err := os.WriteFile(cfg.envFile, []byte(lines), 0o600); err != nil {
			_ = run.Close()
			return nil, fmt.Errorf("writing %s: %w", cfg.envFile, err)
		}
	}
	return run, nil
}

// describeSections says which vendors the seed file sets, e.g.
// " (kimoby, kickserv; built-in servicetrade)".
func describeSections(f *seedfile.File) string {
	if f == nil {
		return ""
	}
	var set, builtIn []string
	for _, s := range []struct {
		name    string
		present bool
	}{{seedfile.ServiceTrade, f.ServiceTrade != nil}, {seedfile.Kimoby, f.Kimoby != nil}, {seedfile.Kickserv, f.Kickserv != nil}} {
		if s.present {
			set = append(set, s.name)
		} else {
			builtIn = append(builtIn, s.name)
		}
	}
	switch {
	case len(builtIn) == 0:
		return ""
	case len(set) == 0:
		return " (no vendor section: every vendor's built-in objects)"
	}
	return fmt.Sprintf(" (%s; built-in %s)", strings.Join(set, ", "), strings.Join(builtIn, ", "))
}

// writeDump writes the emulator's dump to path, through a temporary file
// renamed over it, so that an interrupted write leaves the old file (which
// may be the --seed file) whole.
func writeDump(e *emulator.Emulator, path string) error {
	b, err := e.DumpJSON()
	if err != nil {
		return fmt.Errorf("dumping: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing the dump to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after the rename: nothing to remove
	if _, err := tmp.Write(b); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("writing the dump to %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing the dump to %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("writing the dump to %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing the dump to %s: %w", path, err)
	}
	return nil
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
