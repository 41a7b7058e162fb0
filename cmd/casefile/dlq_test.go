package main

import (
	"strings"
	"testing"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"case.pdf":              "case.pdf",
		"=HYPERLINK(\"x\").pdf": "'=HYPERLINK(\"x\").pdf",
		"+1.pdf":                "'+1.pdf",
		"-rf.pdf":               "'-rf.pdf",
		"@SUM(A1).pdf":          "'@SUM(A1).pdf",
		"":                      "",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBreaker(t *testing.T) {
	dead := func(r schemas.Reason) pipeline.Entry { return pipeline.Entry{State: pipeline.StateDead, Reason: r} }
	rec := pipeline.Entry{State: pipeline.StateRecorded}
	tests := []struct {
		name    string
		entries []pipeline.Entry
		trips   bool
	}{
		{"window not full", repeat(dead(schemas.ReasonExtractCrashed), 19), false},
		{"all crashed", repeat(dead(schemas.ReasonExtractCrashed), 20), true},
		{"four in five crashed", append(repeat(rec, 4), repeat(dead(schemas.ReasonExtractCrashed), 16)...), true},
		{"three in four crashed", append(repeat(rec, 5), repeat(dead(schemas.ReasonExtractCrashed), 15)...), false},
		{"a dump of HTML files is the data's fault", repeat(dead(schemas.ReasonExtractNotPDF), 40), false},
		{"retries exhausted in the sink", repeat(dead(schemas.StageReason(schemas.StageSink, schemas.CauseRetriesExhausted)), 20), true},
		{"two infrastructure reasons, neither most", append(repeat(dead(schemas.ReasonExtractCrashed), 10), repeat(dead(schemas.ReasonAnnotateFailed), 10)...), false},
	}
	for _, tt := range tests {
		var b breaker
		var err error
		for _, e := range tt.entries {
			if err = b.observe(e); err != nil {
				break
			}
		}
		if (err != nil) != tt.trips {
			t.Errorf("%s: breaker error %v, want tripped %v", tt.name, err, tt.trips)
		}
	}
}

func repeat(e pipeline.Entry, n int) []pipeline.Entry {
	out := make([]pipeline.Entry, n)
	for i := range out {
		out[i] = e
	}
	return out
}

// TestParseDLQHidesPassword: a store spec given to --dlq by mistake is
// refused without echoing its password.
func TestParseDLQHidesPassword(t *testing.T) {
	for _, spec := range []string{"postgres://alice:s3cret@db/casefile", "sqlite:dead.db"} {
		_, err := parseDLQ(spec)
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("parseDLQ(%q) = %v, want an error without the password", spec, err)
		}
	}
}

func TestShellQuoted(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/data/dump-2024/a_b.pdf", "/data/dump-2024/a_b.pdf"},
		{"my dump", "'my dump'"},
		{"it's", `'it'\''s'`},
		{"$HOME", "'$HOME'"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := shellQuoted([]string{tt.in})[0]; got != tt.want {
			t.Errorf("shellQuoted(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
