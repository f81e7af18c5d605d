package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The cost of a provider process start, measured the way Terraform starts
// one: this program execs the built provider with the environment
// Terraform's plugin client (go-plugin) gives it (the magic cookie, the
// protocol version, an auto-mTLS client certificate), reads the handshake
// line the provider prints once it listens, connects to the socket it
// names over TLS with that certificate, and calls
// tfplugin6.Provider/GetProviderSchema, then GRPCController/Shutdown, as
// Terraform does when a graph walk is over. gRPC is spoken with the
// standard library (HTTP/2 over TLS, length-prefixed messages): the
// request is empty, the answer is counted in bytes and not decoded.

// goPluginCookie is Terraform's plugin handshake (terraform-plugin-go's
// tf6server): a provider refuses to start without it.
const goPluginCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

// providerStart is what the process-start measurement found.
type providerStart struct {
	// Per sample, in ms: exec to the handshake line (the process listens);
	// exec to the first GetProviderSchema answered; a second
	// GetProviderSchema on the same process; Shutdown to the process's
	// exit.
	HandshakeMS []float64 `json:"handshake_ms"`
	// ConnectMS is the part of SchemaMS spent connecting (TCP or unix
	// socket and the TLS handshake).
	ConnectMS      []float64 `json:"connect_ms"`
	SchemaMS       []float64 `json:"schema_ms"`
	SecondSchemaMS []float64 `json:"second_schema_ms"`
	ExitMS         []float64 `json:"exit_ms"`
	// ClientCertMS is what generating the client certificate took this
	// program (Terraform generates one per process; not in the figures
	// above, which start at exec).
	ClientCertMS float64 `json:"client_cert_ms"`
	// SchemaProtoBytes is the size of the GetProviderSchema answer on the
	// wire (protobuf).
	SchemaProtoBytes int `json:"schema_proto_bytes"`
	// SchemaJSONBytes is the size of `terraform providers schema -json`;
	// SchemaCommandMS and VersionCommandMS time that command and
	// `terraform version`, per sample.
	SchemaJSONBytes  int       `json:"schema_json_bytes"`
	SchemaCommandMS  []float64 `json:"schema_command_ms"`
	VersionCommandMS []float64 `json:"version_command_ms"`
	// Init is the package initialisation of one more start, traced by the
	// Go runtime (GODEBUG=inittrace=1).
	Init  *initTrace `json:"init,omitempty"`
	Error string     `json:"error,omitempty"`
}

// measureProviderStart starts the provider samples times, and times the two
// Terraform commands as many times.
func measureProviderStart(o options, samples int) *providerStart {
	ps := &providerStart{}
	certStart := time.Now()
	certPEM, cert, err := pluginClientCert()
	ps.ClientCertMS = ms(time.Since(certStart))
	if err != nil {
		ps.Error = err.Error()
		return ps
	}
	bin := filepath.Join(o.providerDir, providerBinary)
	for i := 0; i < samples; i++ {
		s, err := startOnce(bin, certPEM, cert, nil)
		if err != nil {
			ps.Error = err.Error()
			return ps
		}
		ps.HandshakeMS = append(ps.HandshakeMS, ms(s.handshake))
		ps.ConnectMS = append(ps.ConnectMS, ms(s.connect))
		ps.SchemaMS = append(ps.SchemaMS, ms(s.schema))
		ps.SecondSchemaMS = append(ps.SecondSchemaMS, ms(s.second))
		ps.ExitMS = append(ps.ExitMS, ms(s.exit))
		ps.SchemaProtoBytes = s.schemaBytes
	}
	s, err := startOnce(bin, certPEM, cert, []string{"GODEBUG=inittrace=1"})
	if err != nil {
		ps.Error = err.Error()
		return ps
	}
	ps.Init = parseInitTrace(s.stderr)
	if err := timeSchemaCommand(o, samples, ps); err != nil {
		ps.Error = err.Error()
	}
	return ps
}

type startSample struct {
	handshake, connect, schema, second, exit time.Duration
	schemaBytes                              int
	stderr                                   string
}

// startOnce execs the provider (with extraEnv), asks for its schema twice
// and stops it.
func startOnce(bin, certPEM string, cert tls.Certificate, extraEnv []string) (startSample, error) {
	var s startSample
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(cleanEnv(os.Environ()), goPluginCookie, "PLUGIN_PROTOCOL_VERSIONS=6", "PLUGIN_CLIENT_CERT="+certPEM)
	cmd.Env = append(cmd.Env, extraEnv...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return s, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	waited := false
	defer func() {
		if !waited {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	s.handshake = time.Since(start)
	if err != nil {
		return s, fmt.Errorf("reading the provider's handshake: %v (stderr: %s)", err, tail(stderr.String(), 500))
	}
	client, err := pluginConn(strings.TrimSpace(line), cert, &s.connect)
	if err != nil {
		return s, err
	}
	defer client.CloseIdleConnections()
	if s.schemaBytes, err = grpcCall(ctx, client, "/tfplugin6.Provider/GetProviderSchema"); err != nil {
		return s, err
	}
	s.schema = time.Since(start)
	t := time.Now()
	if _, err := grpcCall(ctx, client, "/tfplugin6.Provider/GetProviderSchema"); err != nil {
		return s, err
	}
	s.second = time.Since(t)
	t = time.Now()
	// The provider may close the connection before it answers Shutdown:
	// only its exit counts.
	_, _ = grpcCall(ctx, client, "/plugin.GRPCController/Shutdown")
	err = cmd.Wait()
	s.exit = time.Since(t)
	waited = true
	s.stderr = stderr.String()
	if err != nil {
		return s, fmt.Errorf("the provider exited with %v after Shutdown (stderr: %s)", err, tail(stderr.String(), 500))
	}
	return s, nil
}

// pluginConn parses go-plugin's handshake line
// (core|protocol|network|address|grpc|server certificate) and returns an
// HTTP/2 client that dials that address with mutual TLS, and records in
// connect how long connecting took.
func pluginConn(line string, cert tls.Certificate, connect *time.Duration) (*http.Client, error) {
	f := strings.Split(line, "|")
	if len(f) < 6 || f[1] != "6" || f[4] != "grpc" || f[5] == "" {
		return nil, fmt.Errorf("unexpected plugin handshake %q (want protocol 6, gRPC, a server certificate)", line)
	}
	der, err := base64.RawStdEncoding.DecodeString(f[5])
	if err != nil {
		return nil, fmt.Errorf("the provider's certificate: %w", err)
	}
	serverCert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("the provider's certificate: %w", err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(serverCert)
	network, addr := f[2], f[3]
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: roots, ServerName: "localhost", NextProtos: []string{"h2"}, MinVersion: tls.VersionTLS12}
	tr := &http.Transport{
		DialTLSContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			start := time.Now()
			defer func() { *connect += time.Since(start) }()
			raw, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			c := tls.Client(raw, cfg)
			if err := c.HandshakeContext(ctx); err != nil {
				_ = raw.Close()
				return nil, err
			}
			return c, nil
		},
		ForceAttemptHTTP2: true,
	}
	return &http.Client{Transport: tr}, nil
}

// grpcCall sends an empty message to method and returns the size of the
// answer's message.
func grpcCall(ctx context.Context, c *http.Client, method string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://localhost"+method, bytes.NewReader(make([]byte, 5)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/grpc")
	req.Header.Set("TE", "trailers")
	resp, err := c.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", method, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", method, err)
	}
	status := resp.Trailer.Get("Grpc-Status")
	if status == "" {
		status = resp.Header.Get("Grpc-Status")
	}
	if resp.StatusCode != http.StatusOK || status != "0" {
		return 0, fmt.Errorf("%s: HTTP %d, grpc-status %q %s", method, resp.StatusCode, status, resp.Trailer.Get("Grpc-Message")+resp.Header.Get("Grpc-Message"))
	}
	return grpcMessageSize(body)
}

// grpcMessageSize reads one length-prefixed gRPC message (a flag byte, a
// big-endian length, the message) and returns its length.
func grpcMessageSize(body []byte) (int, error) {
	if len(body) < 5 {
		return 0, errors.New("short gRPC answer")
	}
	n := int(binary.BigEndian.Uint32(body[1:5]))
	if len(body) != 5+n {
		return 0, fmt.Errorf("gRPC answer of %d bytes announces a message of %d", len(body), n)
	}
	return n, nil
}

// pluginClientCert makes a certificate as go-plugin's client does for
// auto-mTLS (a self-signed P-521 certificate for "localhost"), and returns
// it as PEM for the provider and as a key pair for this program.
func pluginClientCert() (string, tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	if err != nil {
		return "", tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		Subject:               pkix.Name{CommonName: "localhost", Organization: []string{"HashiCorp"}},
		DNSNames:              []string{"localhost"},
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment | x509.KeyUsageKeyAgreement | x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		NotBefore:             time.Now().Add(-30 * time.Second),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return "", tls.Certificate{}, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return "", tls.Certificate{}, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	return string(certPEM), pair, err
}

// timeSchemaCommand runs `terraform providers schema -json` and `terraform
// version` samples times each, alternating, in a working directory whose
// configuration only requires the provider (the real binary, through
// dev_overrides), and records the schema's size.
func timeSchemaCommand(o options, samples int, ps *providerStart) error {
	root, err := os.MkdirTemp("", "fieldservice-bench-schema-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(root)
	plain := o
	plain.rss = false
	ws, err := newWorkspace(plain, root, nil)
	if err != nil {
		return err
	}
	cfg := `terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}
`
	if err := os.WriteFile(filepath.Join(ws.dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		return err
	}
	for i := 0; i < samples; i++ {
		out, wall, err := ws.stdout("providers", "schema", "-json")
		if err != nil {
			return fmt.Errorf("terraform providers schema -json: %w", err)
		}
		ps.SchemaJSONBytes = len(out)
		ps.SchemaCommandMS = append(ps.SchemaCommandMS, ms(wall))
		if _, wall, err = ws.stdout("version"); err != nil {
			return fmt.Errorf("terraform version: %w", err)
		}
		ps.VersionCommandMS = append(ps.VersionCommandMS, ms(wall))
	}
	return nil
}

// stdout runs one Terraform command and returns its standard output alone
// (Terraform warns about dev_overrides on standard error).
func (w *workspace) stdout(args ...string) ([]byte, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), w.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, w.terraform, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		return nil, wall, fmt.Errorf("%v: %s", err, tail(stderr.String(), 500))
	}
	return out, wall, nil
}
