package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

func logStart(ps *providerStart) {
	status := "ok"
	if ps.Error != "" {
		status = "FAILED: " + ps.Error
	}
	fmt.Fprintf(os.Stderr, "provider start: handshake=%.1fms schema=%.1fms second=%.1fms exit=%.1fms schema=%dB proto, %dB JSON %s\n",
		median(ps.HandshakeMS), median(ps.SchemaMS), median(ps.SecondSchemaMS), median(ps.ExitMS), ps.SchemaProtoBytes, ps.SchemaJSONBytes, status)
}

func writeStartMethod(b *strings.Builder, res *results) {
	ps := res.ProviderStart
	if ps == nil {
		return
	}
	fmt.Fprintf(b, "**Provider process start** (section *Provider process start and schema*): the bench starts the built provider %d times as Terraform's plugin "+
		"client does (the plugin handshake's environment, an auto-mTLS client certificate), reads the handshake line the provider prints once it listens, "+
		"connects to its socket over mutual TLS, calls `GetProviderSchema` twice, then `Shutdown`, and waits for the process to exit. Timed from the exec: "+
		"to the handshake line (the process is up and listening), and to the first `GetProviderSchema` answered (which also builds every schema); "+
		"then the second call on the same process (schemas already built), and `Shutdown` to the exit (Terraform waits for it at the end of each graph walk). "+
		"Medians over the starts. Terraform also generates a client certificate per process (%.1f ms here, not included), and, in the tables above, "+
		"each provider process is started through the bench's peak-RSS wrapper (one more exec). The schema's size is the `GetProviderSchema` answer on the wire "+
		"(protobuf) and the output of `terraform providers schema -json`; that command and `terraform version` are also timed (%d runs each, median).\n\n",
		len(ps.HandshakeMS), ps.ClientCertMS, len(ps.SchemaCommandMS))
}

// startCost is what the provider processes of one command cost on the
// provider's side, in ms: every process starts, is connected to and exits;
// one of them builds and sends the schema (Terraform reads it from a
// process of its own, then keeps it for the graph walks' processes, which
// the framework allows).
func startCost(ps *providerStart, processes int) float64 {
	up, connect, exit := median(ps.HandshakeMS), median(ps.ConnectMS), median(ps.ExitMS)
	schema := median(ps.SchemaMS) - up - connect
	return float64(processes)*(up+connect+exit) + schema
}

func writeProviderStart(b *strings.Builder, res *results) {
	fmt.Fprintf(b, "## Provider process start and schema\n\n")
	ps := res.ProviderStart
	if ps == nil {
		fmt.Fprintf(b, "Not measured in this run (`-start-samples 0`).\n\n")
		return
	}
	if ps.Error != "" {
		fmt.Fprintf(b, "The measurement **failed**: %s\n\n", ps.Error)
	}
	if len(ps.HandshakeMS) == 0 {
		return
	}
	fmt.Fprintf(b, "| measurement | median | min | max |\n|---|---:|---:|---:|\n")
	row := func(what string, v []float64) {
		if len(v) > 0 {
			fmt.Fprintf(b, "| %s | %.1f ms | %.1f ms | %.1f ms |\n", what, median(v), slices.Min(v), slices.Max(v))
		}
	}
	row("exec → handshake (the provider listens)", ps.HandshakeMS)
	row("exec → first `GetProviderSchema` answered", ps.SchemaMS)
	row("of which connecting (socket and TLS handshake)", ps.ConnectMS)
	row("second `GetProviderSchema` on the same process", ps.SecondSchemaMS)
	row("`Shutdown` → process exit", ps.ExitMS)
	row("`terraform providers schema -json` (whole command)", ps.SchemaCommandMS)
	row("`terraform version` (whole command)", ps.VersionCommandMS)
	fmt.Fprintf(b, "\n")
	fmt.Fprintf(b, "- **Schema size**: %s on the wire (`GetProviderSchema`, protobuf); %s as `terraform providers schema -json`.\n",
		fmtBytes(ps.SchemaProtoBytes), fmtBytes(ps.SchemaJSONBytes))
	fmt.Fprintf(b, "- **The first `GetProviderSchema`** (after the handshake, less connecting): %.1f ms, building every schema and answering; "+
		"answering it again: %.1f ms.\n",
		median(ps.SchemaMS)-median(ps.HandshakeMS)-median(ps.ConnectMS), median(ps.SecondSchemaMS))
	if it := ps.Init; it != nil {
		var heavy []string
		for _, p := range it.Heaviest {
			heavy = append(heavy, fmt.Sprintf("`%s` %.1f ms", p.Name, p.ClockMS))
		}
		fmt.Fprintf(b, "- **Package initialisation** (one more start with `GODEBUG=inittrace=1`): %d packages spend %.1f ms in their init functions; "+
			"the last one starts %.1f ms after the process (the rest of the time to the handshake is loading the binary, the runtime, and the plugin server's "+
			"own start, its TLS certificate included). Heaviest: %s.\n", it.Packages, it.ClockMS, it.LastStartMS, strings.Join(heavy, ", "))
	}
	if procs := processesPerCommand(res); procs != "" {
		fmt.Fprintf(b, "- **Provider processes per command** (the *providers* columns): %s. Terraform starts one to read the schema "+
			"(`GetProviderSchema`, then `Close`), then a new one for each graph walk (validate, plan, apply; a destroy plans and applies), which it does not ask "+
			"for the schema again (as Terraform 1.8's trace log shows for a plan).\n", procs)
	}
	if rows := smallPlanShares(res); len(rows) > 0 {
		fmt.Fprintf(b, "\nShare of a small plan: the refresh (`terraform plan`) at the smallest N at %s, against what its provider processes cost on the "+
			"provider's side (each process's start to the handshake, connection and exit, and one schema built and sent; Terraform's own side of it, "+
			"such as its client certificate and decoding the schema, is not counted):\n\n", fmtMS(res.LatencyMS))
		fmt.Fprintf(b, "| kind | N | plan wall time | provider processes | their cost | share of the plan |\n|---|---:|---:|---:|---:|---:|\n")
		for _, r := range rows {
			fmt.Fprintf(b, "| fieldservice_%s | %d | %.2f s | %d | %.0f ms | %.0f %% |\n", r.kind, r.n, r.wall, r.procs, r.cost, r.share)
		}
	}
	fmt.Fprintf(b, "\n")
}

func fmtBytes(n int) string {
	if n <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d bytes (%.0f KB)", n, float64(n)/1000)
}

// processesPerCommand says how many provider processes each phase's
// command started, over every run ("apply 4, refresh 3, destroy 5").
func processesPerCommand(res *results) string {
	all := slices.Clone(res.Phases)
	for _, w := range res.WAN {
		all = append(all, w.Phases...)
		all = append(all, w.Floors...)
	}
	var parts []string
	for _, ph := range wanPhases {
		var v []int
		for _, p := range all {
			if p.ok() && p.Phase == ph && p.Providers > 0 {
				v = append(v, p.Providers)
			}
		}
		if len(v) > 0 {
			parts = append(parts, ph+" "+intRange(v))
		}
	}
	return strings.Join(parts, ", ")
}

type planShare struct {
	kind     string
	n, procs int
	wall     float64 // s
	cost     float64 // ms
	share    float64 // %
}

// smallPlanShares is, for each kind of the runs at -latency, the share of
// its refresh at the smallest N that provider processes take.
func smallPlanShares(res *results) []planShare {
	ps := res.ProviderStart
	if ps == nil || len(ps.HandshakeMS) == 0 || len(res.Sizes) == 0 {
		return nil
	}
	n := slices.Min(res.Sizes)
	var out []planShare
	for _, p := range res.Phases {
		if !p.ok() || p.Phase != phaseRefresh || p.N != n || p.Providers == 0 || p.WallSec <= 0 {
			continue
		}
		cost := startCost(ps, p.Providers)
		out = append(out, planShare{kind: p.Kind, n: n, procs: p.Providers, wall: p.WallSec, cost: cost, share: cost / (p.WallSec * 1000) * 100})
	}
	return out
}
