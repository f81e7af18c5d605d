package transport

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// An answer larger than the cap (16 MiB by default) is not read whole: the
// call fails at once with an error that says so, and is not repeated as if
// the failure were transient. Both with a Content-Length announcing it and
// with a chunked body that only turns out too large while read.
func TestResponseBodyIsCapped(t *testing.T) {
	const limit = 16 << 20
	for _, announce := range []bool{true, false} {
		srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
			if announce {
				w.Header().Set("Content-Length", strconv.Itoa(limit+1))
			}
			chunk := strings.Repeat("x", 1<<20)
			for i := 0; i < 16; i++ {
				if _, err := io.WriteString(w, chunk); err != nil {
					return
				}
			}
			_, _ = io.WriteString(w, "x")
		})
		c := New(Config{Retry: fastPolicy})
		resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL + "/big"})
		if err == nil {
			t.Fatalf("Content-Length announced=%v: no error; got %d bytes", announce, len(resp.Body))
		}
		for _, want := range []string{"GET", "/big", "more than 16 MiB"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not mention %q", err, want)
			}
		}
		if n.Load() != 1 {
			t.Errorf("Content-Length announced=%v: sent %d times, want once (a too-large answer is not transient)", announce, n.Load())
		}
	}
}

// The cap is a Config setting, so that tests need not send 16 MiB; an
// answer of exactly the cap is read.
func TestResponseBodyCapIsConfigurable(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, strings.Repeat("y", 100)) })
	resp, err := New(Config{Retry: fastPolicy, MaxResponseBytes: 100}).Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil || len(resp.Body) != 100 {
		t.Fatalf("an answer of exactly the cap: resp=%v err=%v", resp, err)
	}
	_, err = New(Config{Retry: fastPolicy, MaxResponseBytes: 99}).Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "more than 99 bytes") {
		t.Fatalf("err = %v; want the 99-byte cap to refuse it", err)
	}
}
