package lostcreate

import (
	"context"
	"time"
)

// FakeClock replaces the clock of the resend budget: sleeping advances
// the time instead of waiting, and every wait is recorded. It returns the
// waits and the function that restores the real clock.
func FakeClock() (waits *[]time.Duration, restore func()) {
	var t time.Time
	var got []time.Duration
	oldNow, oldSleep := now, sleep
	now = func() time.Time { return t }
	sleep = func(ctx context.Context, d time.Duration) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		got = append(got, d)
		t = t.Add(d)
		return nil
	}
	return &got, func() { now, sleep = oldNow, oldSleep }
}
