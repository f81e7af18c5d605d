package transport

import (
	"errors"
	"net/http"
)

// OutcomeUnknown reports whether err says that a request may have been
// acted on by the server without the client learning the result, so that
// a create may have created something although it failed:
//
//   - the request was sent whole and then the connection dropped, the
//     attempt timed out, or the context was cancelled while the answer was
//     awaited (an *AttemptError with MayHaveActed);
//   - the answer was a gateway's 502, 503 or 504 (see StatusOutcomeUnknown),
//     reported by a vendor error type that implements
//     `OutcomeUnknown() bool` and stays reachable with errors.As.
//
// It is false for a request that never reached the server (refused
// connection, DNS failure, cancelled before it was sent), for any other
// status (the server answered and said what it did), and for nil.
//
// Vendor clients must wrap the errors of Do (%w), not flatten them, for
// this to see through them.
func OutcomeUnknown(err error) bool {
	// The outermost error that knows decides: a vendor's error for a gateway
	// answer, an *AttemptError, or NotSent around a failed login.
	var r outcomeReporter
	return errors.As(err, &r) && r.OutcomeUnknown()
}

// outcomeReporter is implemented by the error types that know whether the
// request they report may have been acted on: *AttemptError, NotSent's,
// and vendor error types carrying an answer's status.
type outcomeReporter interface {
	OutcomeUnknown() bool
}

// OutcomeUnknown is MayHaveActed, for the OutcomeUnknown predicate.
func (e *AttemptError) OutcomeUnknown() bool { return e.MayHaveActed }

// NotSent wraps err, the failure of a step before the request itself was
// sent (such as obtaining a session or token), so that OutcomeUnknown is
// false for it whatever err wraps: a lost login answer does not make the
// request it was for uncertain. The message is err's.
func NotSent(err error) error {
	if err == nil {
		return nil
	}
	return notSent{err}
}

type notSent struct{ error }

func (e notSent) Unwrap() error        { return e.error }
func (e notSent) OutcomeUnknown() bool { return false }

// StatusOutcomeUnknown reports whether an answer with this status leaves
// the outcome of the request unknown: 502, 503 and 504 come from a gateway
// or load balancer that lost, refused or timed out on the upstream answer,
// and may come after the upstream server acted (a gateway timeout, a reset
// after the request was forwarded). Every other status is the server's own
// answer: a 500 says the server failed, a 4xx that it refused.
//
// Vendor error types implement `OutcomeUnknown() bool` with it, so that
// OutcomeUnknown sees their gateway answers. The transport never repeats a
// POST after such an answer (see RetryPolicy).
func StatusOutcomeUnknown(status int) bool {
	switch status {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// responseLost reports whether err is a failure after the whole request was
// sent.
func responseLost(err error) bool {
	var lost errResponseLost
	return errors.As(err, &lost)
}
