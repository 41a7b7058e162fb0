package identity_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/identity"
)

func TestReadJudgements(t *testing.T) {
	f, err := os.ReadFile("testdata/judgements.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       string
		want     []identity.Judgement
		wantLine int // of a *SyntaxError; 0 for none
	}{
		{name: "file", in: string(f), want: []identity.Judgement{
			{Op: identity.Merge, Members: []string{"3f00a1/doe jose", "9b0007/doe jose"}, Note: "same date of birth", At: "2026-03-01T10:00:00Z"},
			{Op: identity.Split, Members: []string{"5c00e2/doe j"}},
		}},
		{name: "empty", in: ""},
		{name: "unknown op", in: `{"op":"join","members":["a/b","c/d"]}`, wantLine: 1},
		{name: "merge of one", in: "\n" + `{"op":"merge","members":["a/b"]}`, wantLine: 2},
		{name: "member without key", in: `{"op":"split","members":["abc"]}`, wantLine: 1},
		{name: "unknown field", in: `{"op":"split","members":["a/b"],"who":"x"}`, wantLine: 1},
		{name: "two values", in: `{"op":"split","members":["a/b"]} {}`, wantLine: 1},
		{name: "not JSON", in: `merge a/b c/d`, wantLine: 1},
		{name: "line too long", in: `{"op":"split","members":["a/` + strings.Repeat("x", identity.MaxLineBytes) + `"]}`, wantLine: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := identity.ReadJudgements(strings.NewReader(tt.in))
			var se *identity.SyntaxError
			switch {
			case tt.wantLine == 0 && err != nil:
				t.Fatalf("ReadJudgements = %v", err)
			case tt.wantLine != 0 && (!errors.As(err, &se) || se.Line != tt.wantLine):
				t.Fatalf("ReadJudgements error = %v, want a syntax error on line %d", err, tt.wantLine)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadJudgements (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadJudgementsTooLarge(t *testing.T) {
	// Blank lines: the limit is on bytes read, whatever they hold.
	r := io.MultiReader(strings.NewReader(`{"op":"split","members":["a/b"]}`+"\n"), strings.NewReader(strings.Repeat("\n", identity.MaxFileBytes)))
	if _, err := identity.ReadJudgements(r); !errors.Is(err, identity.ErrTooLarge) {
		t.Fatalf("ReadJudgements of a file over the limit = %v, want ErrTooLarge", err)
	}
}

// FuzzReadJudgements: any input gives judgements or an error; judgements
// read are valid and read back the same once written.
func FuzzReadJudgements(f *testing.F) {
	if b, err := os.ReadFile("testdata/judgements.jsonl"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"op":"merge","members":["a/b","c/d"]}`))
	f.Add([]byte("#\n\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		js, err := identity.ReadJudgements(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		for _, j := range js {
			if err := j.Validate(); err != nil {
				t.Fatalf("read an invalid judgement %+v: %v", j, err)
			}
			if err := identity.WriteJudgement(&buf, j); err != nil {
				t.Fatal(err)
			}
		}
		again, err := identity.ReadJudgements(&buf)
		if err != nil {
			t.Fatalf("judgements written do not read back: %v", err)
		}
		if diff := cmp.Diff(js, again); diff != "" {
			t.Fatalf("read back (-first +again):\n%s", diff)
		}
	})
}
