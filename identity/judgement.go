package identity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Op is what a judgement decides.
type Op string

// Judgement operations.
const (
	// Merge puts the clusters of all Members into one.
	Merge Op = "merge"
	// Split keeps Members apart from every member of their cluster not
	// named with them: they form a cluster of their own.
	Split Op = "split"
)

// Judgement is one decision a person made about clusters. Members are
// member keys ("DOC/KEY", see Member), which re-processing gives again,
// never cluster ids, which change when clusters merge.
//
// The judgement file holds one judgement per line as a JSON object, in
// the order they were made; blank lines and lines starting with # are
// ignored:
//
//	{"op":"merge","members":["3f…a1/doe jose","9b…07/doe jose"],"note":"same DOB","at":"2026-03-01T10:00:00Z"}
//	{"op":"split","members":["5c…e2/doe j"]}
type Judgement struct {
	Op      Op       `json:"op"`
	Members []string `json:"members"`
	Note    string   `json:"note,omitempty"`
	At      string   `json:"at,omitempty"` // RFC 3339
}

// Limits of a judgement file.
const (
	MaxFileBytes   = 64 << 20 // the whole file
	MaxLineBytes   = 1 << 20  // one judgement
	MaxMemberBytes = 1024     // one member key
)

// Errors of ReadJudgements.
var (
	ErrTooLarge = errors.New("identity: judgement file too large")
)

// SyntaxError is a line of a judgement file that is not a judgement.
type SyntaxError struct {
	Line int
	Err  error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("identity: judgement line %d: %v", e.Line, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Validate reports what is wrong with a judgement, or nil.
func (j Judgement) Validate() error {
	switch j.Op {
	case Merge:
		if len(j.Members) < 2 {
			return errors.New("merge needs two members or more")
		}
	case Split:
		if len(j.Members) < 1 {
			return errors.New("split needs a member")
		}
	default:
		return fmt.Errorf("op %q: want merge or split", j.Op)
	}
	for _, m := range j.Members {
		if len(m) > MaxMemberBytes || !strings.Contains(m, "/") || strings.HasPrefix(m, "/") {
			return fmt.Errorf("member %.40q: want DOCUMENT/KEY", m)
		}
	}
	return nil
}

// ReadJudgements reads a judgement file. It returns ErrTooLarge for a
// file over MaxFileBytes and a *SyntaxError for the first line that is
// not a valid judgement (a line over MaxLineBytes included).
func ReadJudgements(r io.Reader) ([]Judgement, error) {
	lr := &io.LimitedReader{R: r, N: MaxFileBytes + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	var out []Judgement
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		var j Judgement
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			return nil, &SyntaxError{Line: line, Err: err}
		}
		if dec.More() {
			return nil, &SyntaxError{Line: line, Err: errors.New("more than one JSON value")}
		}
		if err := j.Validate(); err != nil {
			return nil, &SyntaxError{Line: line, Err: err}
		}
		out = append(out, j)
	}
	if lr.N <= 0 {
		return nil, ErrTooLarge
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &SyntaxError{Line: line + 1, Err: err}
		}
		return nil, fmt.Errorf("identity: judgements: %w", err)
	}
	return out, nil
}

// WriteJudgement writes j as one line of a judgement file.
func WriteJudgement(w io.Writer, j Judgement) error {
	if err := j.Validate(); err != nil {
		return fmt.Errorf("identity: %w", err)
	}
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
