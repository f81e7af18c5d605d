package lostcreate

import (
	"context"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// budget bounds the resends of a create that provably did not happen with
// the provider's retry policy, as the transport bounds its own retries:
// at most MaxAttempts sends in all, the first included, and no wait that
// would end past MaxElapsed after the first send. Each send may itself be
// retried by the transport (a 429, a connection that never opened); those
// tries count as one attempt here.
type budget struct {
	p     transport.RetryPolicy
	start time.Time
}

func newBudget(p transport.RetryPolicy) *budget {
	return &budget{p: p.WithDefaults(), start: now()}
}

func (b *budget) elapsed() time.Duration { return now().Sub(b.start) }

// next returns how long to wait before sending attempt+1, or false when
// the budget is spent, backing off as the transport does.
func (b *budget) next(attempt int) (time.Duration, bool) {
	if attempt >= b.p.MaxAttempts {
		return 0, false
	}
	wait := b.p.Backoff(attempt)
	if b.elapsed()+wait > b.p.MaxElapsed {
		return 0, false
	}
	return wait, true
}

// now and sleep are the clock, replaced in tests.
var (
	now   = time.Now
	sleep = func(ctx context.Context, d time.Duration) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
)
