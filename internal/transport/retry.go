package transport

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy bounds retries of transient failures. MaxAttempts counts the
// sends that failed, the first included; throttling answers (429) do not
// count, since the server asks to wait rather than fails. MaxElapsed bounds
// the whole call, waits included, throttling or not.
type RetryPolicy struct {
	MaxAttempts int
	MinDelay    time.Duration
	MaxDelay    time.Duration
	MaxElapsed  time.Duration
}

// Defaults used when a RetryPolicy field is zero.
const (
	DefaultMaxAttempts = 5
	DefaultMinDelay    = 500 * time.Millisecond
	DefaultMaxDelay    = 30 * time.Second
	DefaultMaxElapsed  = 5 * time.Minute
)

// WithDefaults fills the zero fields with the defaults above, as New does.
func (p RetryPolicy) WithDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = DefaultMaxAttempts
	}
	if p.MinDelay <= 0 {
		p.MinDelay = DefaultMinDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = DefaultMaxDelay
	}
	if p.MaxDelay < p.MinDelay {
		p.MaxDelay = p.MinDelay
	}
	if p.MaxElapsed <= 0 {
		p.MaxElapsed = DefaultMaxElapsed
	}
	return p
}

// retryableStatus tells whether a response status is worth another try.
// 429 means the server refused the request without acting on it, so even a
// POST may be repeated. A 5xx may come after the server acted, so only
// idempotent methods are repeated.
func (p RetryPolicy) retryableStatus(method string, status int) bool {
	switch status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return isIdempotent(method)
	}
	return false
}

// retryableError tells whether a transport error is worth another try: any
// for idempotent methods, only "never reached the server" for the others.
func (p RetryPolicy) retryableError(method string, err error) bool {
	return isIdempotent(method) || neverReachedServer(err)
}

// next returns how long to wait after the failure numbered failures (the
// first send included) before trying again, or false when the policy is
// exhausted: MaxAttempts failures, or a wait that would end past
// MaxElapsed. retryAfter, when positive, is the server's own instruction
// and replaces the computed backoff.
func (p RetryPolicy) next(failures int, elapsed, retryAfter time.Duration) (time.Duration, bool) {
	if failures >= p.MaxAttempts {
		return 0, false
	}
	return p.wait(failures, elapsed, retryAfter)
}

// nextThrottled is next for a throttling answer (429) after attempt sends.
// Throttling is the server asking for patience, not a failure: MaxAttempts
// does not bound it, only MaxElapsed does. A Retry-After that would end
// past the budget ends the call at once (with the 429) rather than sleeping
// past it.
func (p RetryPolicy) nextThrottled(attempt int, elapsed, retryAfter time.Duration) (time.Duration, bool) {
	return p.wait(attempt, elapsed, retryAfter)
}

func (p RetryPolicy) wait(attempt int, elapsed, retryAfter time.Duration) (time.Duration, bool) {
	wait := retryAfter
	if wait <= 0 {
		wait = p.Backoff(attempt)
	}
	if elapsed+wait > p.MaxElapsed {
		return 0, false
	}
	return wait, true
}

// Backoff is the wait after the attempt numbered attempt: exponential from
// MinDelay up to MaxDelay, with "equal jitter": half the step is fixed, half
// is random, so parallel clients spread out but never retry immediately.
// Callers that repeat whole operations (a create that provably did not
// happen) use it to back off as the transport does.
func (p RetryPolicy) Backoff(attempt int) time.Duration {
	step := p.MinDelay << min(attempt-1, 30)
	if step <= 0 || step > p.MaxDelay {
		step = p.MaxDelay
	}
	half := step / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
