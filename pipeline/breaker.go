package pipeline

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/casefile/casefile/schemas"
)

// Breaker defaults.
const (
	DefaultBreakerWindow = 20
	DefaultBreakerShare  = 0.8
	DefaultBreakerPause  = time.Minute
)

// Breaker is a circuit breaker over a stage's outcomes. When Share of the
// last Window documents were dead-lettered for one infrastructure reason
// ([schemas.Reason.Infrastructure]: a child that crashed or could not
// start, a handler that panicked, transient failures on every attempt,
// workers dying on every delivery) the machine is broken, not the
// documents: a stage whose Breaker trips logs it once and takes no work
// for Pause, then tries again, so that a fleet of workers does not empty
// the queue into the dead-letter list. A dead letter the document earned
// (not a PDF, encrypted, over a limit, a timeout) never counts toward it.
// The zero value is ready to use; a Breaker is safe for concurrent use.
type Breaker struct {
	// Window is how many recent outcomes are weighed. If zero,
	// DefaultBreakerWindow.
	Window int
	// Share of Window, for one reason, that trips. If zero,
	// DefaultBreakerShare.
	Share float64
	// Pause is how long a stage takes no work after a trip. If zero,
	// DefaultBreakerPause.
	Pause time.Duration

	mu        sync.Mutex
	last      []schemas.Reason // "" for a document done
	openUntil time.Time
}

// BreakerError says why a Breaker tripped.
type BreakerError struct {
	Reason        schemas.Reason
	Count, Window int
}

func (e *BreakerError) Error() string {
	return fmt.Sprintf("pipeline: circuit open: %d of the last %d documents were dead-lettered as %s", e.Count, e.Window, e.Reason)
}

// Observe records one document's outcome: "" when it was done, else the
// reason of its dead letter. It returns a *BreakerError when this outcome
// trips the breaker; while it stays open for Pause, further outcomes are
// counted but return nil, and after Pause the next outcome that keeps the
// share over the threshold trips it again.
func (b *Breaker) Observe(r schemas.Reason) error {
	window, share, pause := b.Window, b.Share, b.Pause
	if window <= 0 {
		window = DefaultBreakerWindow
	}
	if share <= 0 {
		share = DefaultBreakerShare
	}
	if pause <= 0 {
		pause = DefaultBreakerPause
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last = append(b.last, r)
	if len(b.last) > window {
		b.last = b.last[len(b.last)-window:]
	}
	if len(b.last) < window || r == "" || !r.Infrastructure() {
		return nil
	}
	n := 0
	for _, x := range b.last {
		if x == r {
			n++
		}
	}
	now := time.Now()
	if float64(n) < share*float64(window) || now.Before(b.openUntil) {
		return nil
	}
	b.openUntil = now.Add(pause)
	return &BreakerError{Reason: r, Count: n, Window: window}
}

// wait blocks while the breaker is open, or until ctx ends.
func (b *Breaker) wait(ctx context.Context) {
	b.mu.Lock()
	d := time.Until(b.openUntil)
	b.mu.Unlock()
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
