package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

// Peak RSS of the provider. Terraform starts the provider itself (once per
// graph walk, so several times per command), so the bench program puts a
// link to its own executable in the dev_overrides folder under the
// provider's name. Started that way (envWrapReal set), it runs the real
// provider as its child with the same arguments, standard streams and
// environment, waits for it, and appends the child's peak resident set size
// as the kernel reports it (getrusage ru_maxrss) to the file named by
// envRSSFile. This needs nothing installed (no /usr/bin/time) and misses no
// short-lived process, which polling /proc would.
const (
	envWrapReal = "FIELDSERVICE_BENCH_PROVIDER"
	envRSSFile  = "FIELDSERVICE_BENCH_RSS_FILE"
	// envExtra holds one NAME=value setting for the provider only (the
	// GOMEMLIMIT probe), so that Terraform itself runs unchanged.
	envExtra = "FIELDSERVICE_BENCH_PROVIDER_ENV"
)

// runWrapped runs the real provider and returns its exit code.
func runWrapped(realBin, rssFile string) int {
	cmd := exec.Command(realBin, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, envWrapReal+"=") && !strings.HasPrefix(kv, envRSSFile+"=") && !strings.HasPrefix(kv, envExtra+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	if extra := os.Getenv(envExtra); extra != "" {
		cmd.Env = append(cmd.Env, extra)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "fieldservice-bench: starting the provider %s: %v\n", realBin, err)
		return 1
	}
	// Pass on the signals Terraform may send, so that the provider, not
	// this wrapper, decides how to stop.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	signal.Stop(sigs)
	if kb, ok := maxRSSKiB(cmd.ProcessState); ok && rssFile != "" {
		if f, err := os.OpenFile(rssFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600); err == nil {
			// One short line per process, written at once: O_APPEND keeps
			// lines of concurrent providers whole.
			_, _ = f.WriteString(strconv.FormatInt(kb, 10) + "\n")
			_ = f.Close()
		}
	}
	code := cmd.ProcessState.ExitCode()
	if code < 0 { // killed by a signal
		code = 1
	}
	return code
}

// readRSS returns the peak RSS (KiB) of each provider process recorded in
// file, in the order they ended.
func readRSS(file string) ([]int64, error) {
	f, err := os.Open(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, err := strconv.ParseInt(strings.TrimSpace(sc.Text()), 10, 64); err == nil {
			out = append(out, v)
		}
	}
	return out, sc.Err()
}
