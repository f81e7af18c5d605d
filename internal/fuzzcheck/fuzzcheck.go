// Package fuzzcheck holds what the vendor clients' fuzz harnesses share:
// seeding, a server stub that answers a client without a network and
// bounds the requests a fuzzed answer can cause, the status a fuzzed answer
// comes with, and the contract every vendor client keeps with any answer:
// a non-2xx gives the vendor's error naming the status, and a 2xx gives
// exactly what the body holds, or an error when the body cannot be read.
//
// A harness fuzzes (body []byte, code byte): the body of the answer and a
// byte that picks its status. What is left in the harness is the vendor's
// own: its decoders, its client's calls, and what a body holds for them.
package fuzzcheck

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Seed adds the fixed seeds to the corpus, each with its index as the
// status code byte, and makes sure the seed corpus in
// testdata/fuzz/<harness> exists: go test reads it only from the directory
// named after the harness, so renaming one would silently drop its seeds.
func Seed(f *testing.F, seeds ...string) {
	f.Helper()
	dir := filepath.Join("testdata", "fuzz", f.Name())
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		f.Fatalf("the seed corpus %s is missing or empty (%v): go test reads a harness's seeds from the directory named after it", dir, err)
	}
	for i, s := range seeds {
		f.Add([]byte(s), byte(i))
	}
}

// Statuses are the statuses a fuzzed answer comes with.
type Statuses []int

// Pick is the status the fuzzer's code byte picks.
func (s Statuses) Pick(code byte) int { return s[int(code)%len(s)] }

// Success reports whether status is a 2xx.
func Success(status int) bool { return status >= 200 && status <= 299 }

// Retry sends once and allows no wait: a fuzzed 5xx must not be retried,
// nor a fuzzed 429, which is retried for as long as MaxElapsed allows
// whatever MaxAttempts says.
var Retry = transport.RetryPolicy{MaxAttempts: 1, MaxElapsed: time.Nanosecond}

// MaxRequests bounds the requests one Server answers: a client's handful
// of calls, with a login, a retry after a 401 and a few pages each, stays
// far below it, whereas a listing that a fuzzed answer keeps paging (to
// the clients' 10,000-page limit) does not.
const MaxRequests = 100

// Server answers every request of a client from Answer, without a network,
// and fails the test when a client sends it more than MaxRequests.
type Server struct {
	t           testing.TB
	contentType string
	answer      func(*http.Request) (int, []byte)

	mu       sync.Mutex
	requests int
}

// NewServer is a Server whose answers have the given content type.
func NewServer(t testing.TB, contentType string, answer func(*http.Request) (status int, body []byte)) *Server {
	return &Server{t: t, contentType: contentType, answer: answer}
}

// Always answers every request with status and body.
func Always(status int, body []byte) func(*http.Request) (int, []byte) {
	return func(*http.Request) (int, []byte) { return status, body }
}

// HTTP is the transport configuration of a client talking to s, sending
// each request once.
func (s *Server) HTTP() transport.Config {
	return transport.Config{HTTPClient: &http.Client{Transport: s}, Retry: Retry}
}

// RoundTrip implements http.RoundTripper.
func (s *Server) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		_ = r.Body.Close()
	}
	s.mu.Lock()
	s.requests++
	n := s.requests
	s.mu.Unlock()
	if n > MaxRequests {
		if n == MaxRequests+1 {
			s.t.Errorf("the client sent more than %d requests (the last %s %s): a fuzzed answer must not keep it asking", MaxRequests, r.Method, r.URL)
		}
		return nil, errors.New("fuzzcheck: too many requests")
	}
	status, body := s.answer(r)
	return &http.Response{
		StatusCode: status, Status: strconv.Itoa(status) + " " + http.StatusText(status),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {s.contentType}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}

// LaterPage reports whether r asks for a page of a list after the first.
// A stub answers those with an empty page, so that a listing's result is
// exactly what the fuzzed first page holds, and a fuzzed page count does
// not make it page 10,000 times.
func LaterPage(r *http.Request) bool {
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	return err == nil && page > 1
}

// ResultOrError holds a decoder to giving exactly one of a result and an
// error.
func ResultOrError[T any](t testing.TB, op string, v *T, err error) {
	t.Helper()
	if (v == nil) == (err == nil) {
		t.Fatalf("%s gave %v and error %v: want exactly one", op, v, err)
	}
}

// SaysSomething holds an error-message decoder to finding something to say
// about any body that is not blank, and never a blank message.
func SaysSomething(t testing.TB, op string, body []byte, msgs ...string) {
	t.Helper()
	if len(bytes.TrimSpace(body)) == 0 {
		return
	}
	if len(msgs) == 0 {
		t.Fatalf("%s found nothing to say about %q", op, body)
	}
	for _, m := range msgs {
		if strings.TrimSpace(m) == "" {
			t.Fatalf("%s gave a blank message among %q for %q", op, msgs, body)
		}
	}
}

// APIError holds a call to the contract for a non-2xx answer: an error of
// the vendor's type E carrying that status, whose message names it.
func APIError[E interface {
	error
	Status() int
}](t testing.TB, op string, status int, err error) {
	t.Helper()
	var apiErr E
	if !errors.As(err, &apiErr) {
		t.Fatalf("%s: a %d answer gave %v (%T), want a %T", op, status, err, err, apiErr)
	}
	if got := apiErr.Status(); got != status {
		t.Fatalf("%s: %T has status %d, want %d", op, apiErr, got, status)
	}
	if !strings.Contains(err.Error(), strconv.Itoa(status)) {
		t.Fatalf("%s: error %q does not name the status %d", op, err, status)
	}
}

// Decoded holds a call answered with a 2xx to what the answer holds: the
// call may succeed only when the answer is readable, and then must return
// want; it must succeed when required. A call may refuse a readable answer
// for a reason of its own (a page that contradicts itself), so required
// may be false where readable is true.
func Decoded[T any](t testing.TB, op string, got T, err error, want T, readable, required bool) {
	t.Helper()
	result(t, op, got, err, want, readable, required, reflect.DeepEqual(got, want))
}

// Listed is Decoded for a list, an empty list equal to none.
func Listed[T any](t testing.TB, op string, got []T, err error, want []T, readable, required bool) {
	t.Helper()
	result(t, op, got, err, want, readable, required, SameList(got, want))
}

func result(t testing.TB, op string, got any, err error, want any, readable, required, equal bool) {
	t.Helper()
	switch {
	case err == nil && !readable:
		t.Fatalf("%s: accepted an answer it cannot read, giving %+v", op, got)
	case err != nil && required:
		t.Fatalf("%s: refused an answer holding %+v: %v", op, want, err)
	case err == nil && !equal:
		t.Fatalf("%s: returned %+v; the answer holds %+v", op, got, want)
	}
}

// SameList compares lists, an empty list equal to none.
func SameList[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}
