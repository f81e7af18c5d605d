package transport

import (
	"fmt"
	"io"
	"net/http"
)

// DefaultMaxResponseBytes caps what the Client reads of one answer: 16 MiB.
// The largest legitimate answers are list pages (ServiceTrade pages of up
// to a few hundred objects, Kickserv lists, the Kimoby webhook list), far
// below it; without a cap, a misdirected base URL or a hostile server could
// make the provider read without end and exhaust its memory. An answer
// above it fails the call (BodyTooLargeError) and is not retried.
const DefaultMaxResponseBytes = 16 << 20

// BodyTooLargeError says that an answer was larger than the cap.
type BodyTooLargeError struct {
	Method, URL string
	StatusCode  int
	Limit       int64
}

func (e *BodyTooLargeError) Error() string {
	return fmt.Sprintf("the server answered %s %s (%d %s) with more than %s, the most the provider reads of one answer: "+
		"the answer was not read and the request is not repeated. Check that the base URL points at the API itself (not a file, a proxy or another service); "+
		"if it does, the API answers far larger than expected: report it",
		e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode), byteSize(e.Limit))
}

// OutcomeUnknown: a success or gateway answer that could not be read may
// follow a request the server acted on; a refusal (4xx) or a 500 did not.
func (e *BodyTooLargeError) OutcomeUnknown() bool {
	return e.StatusCode >= 200 && e.StatusCode <= 299 || StatusOutcomeUnknown(e.StatusCode)
}

func (e *BodyTooLargeError) final() {}

func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readLimited reads body up to limit bytes; ok is false when there was more.
func readLimited(body io.Reader, limit int64) (data []byte, ok bool, err error) {
	data, err = io.ReadAll(io.LimitReader(body, limit+1))
	if int64(len(data)) > limit {
		return nil, false, nil
	}
	return data, true, err
}
