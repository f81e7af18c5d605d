package transport

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// A URL carrying credentials (user:password@host) is refused, and no error
// about a URL, however malformed, shows its user information.
func TestURLsWithUserinfoAreRefusedWithoutShowingThem(t *testing.T) {
	const secret = "s3cr3t-in-url"
	for _, raw := range []string{
		"https://user:" + secret + "@api.example.com/api",
		"https://" + secret + "@api.example.com/api",
		"http://user:" + secret + "@127.0.0.1:8080/x",
		"https://user:" + secret + "@api example.com/api", // unparsable host
		"https://user:" + secret + "@api.example.com:port/api",
		"https://user:" + secret + "@api.example.com/%zz",
		"user:" + secret + "@api.example.com",       // no scheme: parses as scheme "user"
		"https:user:" + secret + "@api.example.com", // opaque
		"http://user:" + secret + "@10.0.0.1/x",
		"ftp://user:" + secret + "@example.com/",
	} {
		err := CheckCredentialURL(raw)
		if err == nil {
			t.Errorf("%s accepted", raw)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("CheckCredentialURL error shows the secret: %v", err)
		}
		if got := NewRedactor().URL(raw); strings.Contains(got, secret) {
			t.Errorf("Redactor.URL(%s) = %s; shows the secret", raw, got)
		}
	}
	err := CheckCredentialURL("https://user:" + secret + "@api.example.com/api")
	if err == nil || !strings.Contains(err.Error(), "user name or password") {
		t.Errorf("err = %v; want it to say that the URL holds a user name or password", err)
	}
}

// An error for a request that got no answer names the URL without its
// sensitive query values.
func TestAttemptErrorRedactsTheURL(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := New(Config{Retry: RetryPolicy{MaxAttempts: 1}})
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, URL: "http://" + addr + "/x?api_key=k-9876543&page=2"})
	if err == nil || strings.Contains(err.Error(), "k-9876543") || !strings.Contains(err.Error(), "page=2") {
		t.Fatalf("err = %v; want the URL shown without the api_key value", err)
	}
}

// fakeRemote is one end of a pipe that says it is connected to addr.
type fakeRemote struct {
	net.Conn
	addr net.Addr
}

func (c fakeRemote) RemoteAddr() net.Addr { return c.addr }

// pipeDialer makes every dial reach serve through an in-memory pipe that
// claims to be connected to remote: a host name that resolved to remote.
func pipeDialer(remote string, serve func(net.Conn)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		client, server := net.Pipe()
		go serve(server)
		return fakeRemote{client, &net.TCPAddr{IP: net.ParseIP(remote), Port: 80}}, nil
	}
}

// answerOnce reads one request from conn and answers 200, recording what
// it read.
func answerOnce(got chan<- string) func(net.Conn) {
	return func(conn net.Conn) {
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		req, err := http.ReadRequest(bufio.NewReader(conn))
		if err != nil {
			got <- ""
			return
		}
		body, _ := io.ReadAll(req.Body)
		got <- req.Method + " " + req.URL.Path + " " + req.Header.Get("Authorization") + " " + string(body)
		_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
	}
}

// Plain http to a host name is allowed only when the name turns out to be
// this machine: a "localhost" that resolves elsewhere gets nothing, the
// request fails before a byte is written, and the error says why.
func TestPlainHTTPToANameMustReachALoopbackAddress(t *testing.T) {
	for _, tc := range []struct {
		remote string
		ok     bool
	}{{"10.0.0.1", false}, {"192.0.2.7", false}, {"127.0.0.1", true}, {"::1", true}} {
		got := make(chan string, 1)
		tr := &http.Transport{DialContext: pipeDialer(tc.remote, answerOnce(got))}
		c := New(Config{Retry: fastPolicy, HTTPClient: &http.Client{Transport: tr}})
		req := &Request{Method: http.MethodPost, URL: "http://localhost:8787/auth", Header: http.Header{"Authorization": {"Basic Zm9vOmJhcg=="}}, Body: []byte(`{"password":"pw-1234"}`)}
		_, err := c.Do(context.Background(), req)
		var sent string
		select {
		case sent = <-got:
		case <-time.After(2 * time.Second):
		}
		if !tc.ok {
			if err == nil || sent != "" {
				t.Errorf("localhost at %s: err=%v, the server read %q; want a refusal before anything is sent", tc.remote, err, sent)
				continue
			}
			for _, want := range []string{"localhost", tc.remote, "not a loopback address", "https://"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
			if OutcomeUnknown(err) {
				t.Errorf("OutcomeUnknown = true for a request never sent")
			}
			continue
		}
		if err != nil || !strings.HasPrefix(sent, "POST /auth") {
			t.Errorf("localhost at %s: err=%v sent=%q; want the request delivered", tc.remote, err, sent)
		}
	}
}

// http://localhost:PORT keeps working where localhost is this machine.
func TestLocalhostByNameStillWorks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{}`)) }))
	defer srv.Close()
	u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	resp, err := New(Config{Retry: fastPolicy}).Do(context.Background(), &Request{Method: http.MethodGet, URL: u})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: resp=%v err=%v", u, resp, err)
	}
}

// The dial check is what protects a name; an IP literal must itself be a
// loopback address, and only the name "localhost" is taken on trust until
// it is dialled.
func TestCheckCredentialURLPlainHTTPRule(t *testing.T) {
	ok := []string{"http://127.0.0.1:8787/x", "http://127.9.8.7/x", "http://[::1]:9/x", "http://localhost:8787/x", "http://LOCALHOST/x"}
	bad := []string{"http://10.0.0.1/x", "http://emulator.local/x", "http://localhost.example.com/x", "http://127.0.0.1.nip.io/x", "http://[::2]/x"}
	for _, u := range ok {
		if err := CheckCredentialURL(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	for _, u := range bad {
		if err := CheckCredentialURL(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
	var le *LoopbackError
	if err := checkLoopbackConn("localhost:80", fakeRemote{nil, &net.TCPAddr{IP: net.ParseIP("10.1.2.3")}}); !errors.As(err, &le) {
		t.Errorf("checkLoopbackConn accepted 10.1.2.3: %v", err)
	}
	if err := checkLoopbackConn("localhost:80", fakeRemote{nil, &net.TCPAddr{IP: net.ParseIP("127.0.0.1")}}); err != nil {
		t.Errorf("checkLoopbackConn refused 127.0.0.1: %v", err)
	}
}

// Nor does the log line of a failed attempt show them.
func TestFailureLogsRedactTheURL(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	_, _ = New(Config{Retry: RetryPolicy{MaxAttempts: 2, MinDelay: time.Millisecond}}).Do(ctx, &Request{Method: http.MethodGet, URL: "http://" + addr + "/x?api_key=k-5551234"})
	if !strings.Contains(buf.String(), "API request failed") {
		t.Fatalf("no failure was logged: %s", buf.String())
	}
	if strings.Contains(buf.String(), "k-5551234") {
		t.Errorf("the logs show the api_key value:\n%s", buf.String())
	}
}
