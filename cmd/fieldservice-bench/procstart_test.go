package main

import (
	"crypto/tls"
	"strings"
	"testing"
	"time"
)

func TestParseInitTrace(t *testing.T) {
	stderr := `init runtime @0.27 ms, 2.0 ms clock, 0 bytes, 0 allocs
{"@level":"debug","@message":"plugin address"}
init encoding/gob @21 ms, 1.8 ms clock, 27728 bytes, 369 allocs
init github.com/hashicorp/terraform-registry-address @44 ms, 1.6 ms clock, 91872 bytes, 851 allocs
init github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server @88 ms, 0.030 ms clock, 0 bytes, 1 allocs
init broken @x ms, 1 ms clock, 0 bytes, 0 allocs
`
	it := parseInitTrace(stderr)
	if it == nil {
		t.Fatal("no trace found")
	}
	if it.Packages != 4 || it.LastStartMS != 88 || it.ClockMS < 5.42 || it.ClockMS > 5.44 {
		t.Errorf("trace = %+v", it)
	}
	if len(it.Heaviest) != 4 || it.Heaviest[0].Name != "runtime" || it.Heaviest[1].Name != "encoding/gob" || it.Heaviest[3].ClockMS != 0.030 {
		t.Errorf("heaviest = %+v", it.Heaviest)
	}
	if parseInitTrace("no trace here\n") != nil {
		t.Error("a trace found in plain output")
	}
}

func TestGRPCMessageSize(t *testing.T) {
	if n, err := grpcMessageSize([]byte{0, 0, 0, 0, 3, 'a', 'b', 'c'}); err != nil || n != 3 {
		t.Errorf("size = %d, %v; want 3", n, err)
	}
	if n, err := grpcMessageSize([]byte{0, 0, 0, 0, 0}); err != nil || n != 0 {
		t.Errorf("empty message = %d, %v", n, err)
	}
	for _, bad := range [][]byte{nil, {0, 0, 0}, {0, 0, 0, 0, 4, 'a'}} {
		if _, err := grpcMessageSize(bad); err == nil {
			t.Errorf("grpcMessageSize(%v) accepted", bad)
		}
	}
}

func TestPluginHandshakeRefused(t *testing.T) {
	var connect time.Duration
	for _, line := range []string{
		"",
		"1|5|unix|/tmp/plugin1|grpc|AAAA",   // protocol 5
		"1|6|unix|/tmp/plugin1|netrpc|AAAA", // not gRPC
		"1|6|unix|/tmp/plugin1|grpc|",       // no certificate: no auto-mTLS
		"1|6|unix|/tmp/plugin1|grpc|!!!",    // not base64
		"1|6|unix|/tmp/plugin1|grpc|AAAA",   // not a certificate
	} {
		if _, err := pluginConn(line, tls.Certificate{}, &connect); err == nil {
			t.Errorf("pluginConn(%q) accepted", line)
		}
	}
}

func TestPluginClientCert(t *testing.T) {
	certPEM, pair, err := pluginClientCert()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(certPEM, "-----BEGIN CERTIFICATE-----") || len(pair.Certificate) != 1 || pair.PrivateKey == nil {
		t.Errorf("certificate = %q, %+v", certPEM, pair)
	}
}

func TestStartCostAndShare(t *testing.T) {
	ps := &providerStart{
		HandshakeMS: []float64{40, 50, 60}, ConnectMS: []float64{5, 5, 5}, SchemaMS: []float64{100, 100, 90},
		SecondSchemaMS: []float64{10}, ExitMS: []float64{5, 5, 5},
	}
	// 3 × (50 + 5 + 5) + (100 − 50 − 5)
	if got := startCost(ps, 3); got != 225 {
		t.Errorf("startCost = %v, want 225", got)
	}
	res := &results{Sizes: []int{100, 10}, LatencyMS: 25, ProviderStart: ps, Phases: []phaseResult{
		{Kind: "servicetrade_region", N: 10, Phase: phaseRefresh, WallSec: 0.9, Providers: 3},
		{Kind: "servicetrade_region", N: 10, Phase: phaseApply, WallSec: 1.2, Providers: 4},
		{Kind: "servicetrade_region", N: 100, Phase: phaseRefresh, WallSec: 2, Providers: 3},
		{Kind: "servicetrade_region", N: 10, Phase: phaseDestroy, WallSec: 1.3, Providers: 5},
	}}
	shares := smallPlanShares(res)
	if len(shares) != 1 || shares[0].n != 10 || shares[0].cost != 225 || shares[0].share != 25 {
		t.Errorf("shares = %+v, want the N=10 refresh, 225 ms of 0.9 s", shares)
	}
	if got := processesPerCommand(res); got != "apply 4, refresh 3, destroy 5" {
		t.Errorf("processes per command = %q", got)
	}
	var b strings.Builder
	writeProviderStart(&b, res)
	for _, want := range []string{
		"| exec → handshake (the provider listens) | 50.0 ms | 40.0 ms | 60.0 ms |",
		"**The first `GetProviderSchema`** (after the handshake, less connecting): 45.0 ms",
		"| fieldservice_servicetrade_region | 10 | 0.90 s | 3 | 225 ms | 25 % |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the section lacks %q:\n%s", want, b.String())
		}
	}
}
