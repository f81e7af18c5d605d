package main

import (
	"fmt"
	"strings"
)

// wanPhases are the phases of the runs at real-world latency, in order.
var wanPhases = []string{phaseApply, phaseRefresh, phaseDestroy}

// wanHeading is the title of the section of the runs at real-world
// latency.
func wanHeading(res *results) string {
	latency := "150 ms"
	if len(res.WAN) > 0 {
		latency = fmtMS(res.WAN[0].LatencyMS)
	}
	return "Results at " + latency + " latency"
}

func writeWANMethod(b *strings.Builder, res *results) {
	if len(res.WAN) == 0 {
		return
	}
	w := res.WAN[0]
	pairs := 0
	for _, p := range w.Phases {
		if p.Phase == phaseRefresh {
			pairs++
		}
	}
	fmt.Fprintf(b, "**At real-world latency** (section *%s*): for %s, N = %d objects, every request waits %s. "+
		"Each kind runs twice, in two fresh emulators with the same seed and the same configuration (a kind whose objects cannot be deleted keeps their codes "+
		"and usernames after a destroy, so one emulator cannot take the configuration twice): once at %s (apply; %d refreshes, each paired with the same "+
		"`terraform plan` at 0 ms against the same state, in alternating order; destroy), and once at 0 ms (apply, destroy), the two passes in alternating order "+
		"from kind to kind. **Floor** = the wall time of the same command at 0 ms: Terraform's own work (CLI start, provider processes, graph walk, state) "+
		"with the requests answered without delay; for the refresh, wall time and floor are the medians of the %d runs at each latency. **Wall / floor** is "+
		"what the latency costs on top of Terraform's own work (1.00: nothing). ServiceTrade's list page size is the emulator's, %d.\n\n",
		wanHeading(res), wanKindList(res), w.N, fmtMS(w.LatencyMS), fmtMS(w.LatencyMS), pairs, pairs, w.PageSize)
}

func wanKindList(res *results) string {
	names := make([]string, len(res.WAN))
	for i, w := range res.WAN {
		names[i] = "`fieldservice_" + w.Kind + "`"
	}
	return strings.Join(names, ", ")
}

func writeWAN(b *strings.Builder, res *results) {
	fmt.Fprintf(b, "## %s\n\n", wanHeading(res))
	if len(res.WAN) == 0 {
		fmt.Fprintf(b, "Not run (`-wan-kinds` empty or `-wan-latency 0`).\n\n")
		return
	}
	lat := fmtMS(res.WAN[0].LatencyMS)
	fmt.Fprintf(b, "| kind | N | phase | requests (by operation) | total | per object | wall at %s | floor (0 ms) | wall / floor | in flight | conns | providers | peak RSS |\n", lat)
	fmt.Fprintf(b, "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var notes []string
	for _, w := range res.WAN {
		for _, name := range wanPhases {
			s := w.phase(name)
			if s.Failed {
				fmt.Fprintf(b, "| fieldservice_%s | %d | %s (**failed**: %s) | | | | | | | | | | |\n", w.Kind, w.N, name, s.FailureReason)
				continue
			}
			p := s.Run
			phase := name
			if p.PlanEmpty != nil && !*p.PlanEmpty {
				phase += " (plan **not empty**)"
			}
			fmt.Fprintf(b, "| fieldservice_%s | %d | %s | %s | %d | %.2f | %.2f s | %.2f s | %.2f | %d | %d | %d | %s |\n",
				w.Kind, w.N, phase, breakdown(p.ByOp), p.Total, p.perObject(), s.Wall, s.Floor, s.ratio(), p.MaxConcurrent, p.Conns, p.Providers, fmtRSS(s.PeakRSSKiB))
			if s.RequestsVary {
				notes = append(notes, fmt.Sprintf("fieldservice_%s %s: the runs at %s did not all make the same number of requests (the table shows the first).", w.Kind, name, lat))
			}
		}
		for _, p := range append(w.Phases, w.Floors...) {
			for _, warn := range p.Warnings {
				notes = append(notes, fmt.Sprintf("fieldservice_%s %s at %s: %s", w.Kind, p.Phase, fmtMS(p.LatencyMS), warn))
			}
		}
	}
	fmt.Fprintf(b, "\n")
	w := res.WAN[0]
	fmt.Fprintf(b, "The refresh target of a listable kind is ceil(%d / %d) + 2 = **%d** requests, counted over the objects its listing holds where the emulator's seed adds some of the kind (the pages are those of the whole account); the peak RSS is the largest over the runs at both latencies.\n\n",
		w.N, w.PageSize, refreshLimit(w.N, w.PageSize))
	b.WriteString(refreshByPages)
	for _, n := range notes {
		fmt.Fprintf(b, "- %s\n", n)
	}
	if len(notes) > 0 {
		fmt.Fprintf(b, "\n")
	}
}

// refreshByPages says which kinds refresh by list pages, how, and why the
// others keep reading by id (internal/servicetrade/api/listed_reads.go).
const refreshByPages = "**Refresh by list pages.** ServiceTrade webhooks, terms, tags, service templates, quote templates, tax groups and users, " +
	"whose list answers each object as its GET by id does, are read from one shared listing per kind and provider process once the reads pay for it: " +
	"the first read is a GET by id (a plan touching one object costs one request), the second fetches the list's first page, which tells the page count, " +
	"and the other pages are fetched at once (up to 50 at a time: one round for 500 objects), once the reads since the kind's last write are as many as those pages (the listing then costs no more " +
	"than the reads it replaces) or as many as Terraform's default parallelism, 10 (a bulk refresh, whose reads would otherwise wait round after round). " +
	"A plan touching fewer objects of a large kind never lists it beyond its first page. " +
	"An object missing from the listing, or listed twice with different content (it changed between two pages), is read by id, so a deletion is " +
	"confirmed by a 404; any write to the kind drops the listing, and reads are counted again from it (a destroy that reads each object before " +
	"deactivating it reads by id). These kinds keep reading by id: **regions** (list entries carry no offices), " +
	"**lib items** (the reference's list example shows a cost that its GET shows set, and the list holds one company's items, active or inactive, at a time), " +
	"**contracts** (the reference's list and GET of one contract disagree on several fields, and there is no list of every contract), " +
	"**warehouses** (the reference shows no list entry) and **external systems** (no GET-by-id example to compare with; their list is one unpaged array), " +
	"and the objects read within a parent (contract rules, quote template items, brands, user roles and values, external ids).\n\n"
