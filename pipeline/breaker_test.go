package pipeline_test

import (
	"errors"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

func TestBreaker(t *testing.T) {
	crashed := schemas.ReasonExtractCrashed
	exhausted := schemas.StageReason(schemas.StageExtract, schemas.CauseRetriesExhausted)
	times := func(r schemas.Reason, n int) []schemas.Reason {
		out := make([]schemas.Reason, n)
		for i := range out {
			out[i] = r
		}
		return out
	}
	cat := func(parts ...[]schemas.Reason) []schemas.Reason {
		var out []schemas.Reason
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name     string
		outcomes []schemas.Reason
		trips    int // how many outcomes returned a *BreakerError
	}{
		{"window not full", times(crashed, 19), 0},
		{"every child crashed", times(crashed, 20), 1},
		{"open: later crashes say nothing", times(crashed, 40), 1},
		{"four in five failed to start", cat(times("", 4), times(exhausted, 16)), 1},
		{"three in four", cat(times("", 5), times(exhausted, 15)), 0},
		{"one record in four", cat(times(crashed, 3), times("", 1), times(crashed, 3), times("", 1), times(crashed, 3), times("", 1),
			times(crashed, 3), times("", 1), times(crashed, 3), times("", 1), times(crashed, 3), times("", 1)), 0},
		{"bad input is the data's fault", times(schemas.ReasonExtractNotPDF, 40), 0},
		{"limits are the data's fault", times(schemas.ReasonAnnotateTooManyEnts, 40), 0},
		{"timeouts are the data's fault", times(schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout), 40), 0},
		{"two infrastructure reasons, neither most", cat(times(crashed, 10), times(exhausted, 10), times(crashed, 10)), 0},
	}
	for _, tt := range tests {
		var b pipeline.Breaker
		trips := 0
		for _, r := range tt.outcomes {
			var be *pipeline.BreakerError
			if err := b.Observe(r); errors.As(err, &be) {
				trips++
				if be.Reason != r || be.Window != pipeline.DefaultBreakerWindow || be.Count < 16 {
					t.Errorf("%s: %+v", tt.name, be)
				}
			}
		}
		if trips != tt.trips {
			t.Errorf("%s: tripped %d times, want %d", tt.name, trips, tt.trips)
		}
	}
}

// TestBreakerReopens: after its pause the breaker trips again on the next
// failure while the window is still mostly failures, and a record or two
// that bring the share under the threshold keep it closed.
func TestBreakerReopens(t *testing.T) {
	b := pipeline.Breaker{Window: 4, Share: 0.75, Pause: time.Nanosecond}
	steps := []struct {
		r    schemas.Reason
		trip bool
	}{
		{schemas.ReasonExtractCrashed, false},
		{schemas.ReasonExtractCrashed, false},
		{schemas.ReasonExtractCrashed, false},
		{schemas.ReasonExtractCrashed, true},
		{schemas.ReasonExtractCrashed, true}, // the pause is over
		{"", false},
		{schemas.ReasonExtractCrashed, true}, // 3 of 4
		{"", false},
		{"", false},
		{schemas.ReasonExtractCrashed, false}, // 2 of 4
	}
	for i, s := range steps {
		time.Sleep(time.Microsecond)
		if err := b.Observe(s.r); (err != nil) != s.trip {
			t.Errorf("step %d (%q): error %v, want trip %v", i, s.r, err, s.trip)
		}
	}
}
