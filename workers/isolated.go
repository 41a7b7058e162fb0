package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/casefile/casefile/schemas"
	"io"

	"github.com/casefile/casefile/internal/proc"

	"github.com/casefile/casefile/doctext"
)

// Isolated runs each extraction in a child process, so that a document
// that spins the parser forever or exhausts memory costs a killed child
// and a dead letter, never a hung or crashed worker. The child is the
// casefile binary's hidden extract-child command: the document on stdin,
// a ChildResult as JSON on stdout.
type Isolated struct {
	// Command is the child's argv, e.g. [casefile, extract-child, --ocr, auto].
	Command []string
	// Env, if not nil, is the child's environment.
	Env []string
	// MemoryLimit bounds the child's address space in bytes. If zero, 4 GiB.
	MemoryLimit uint64
}

// ChildResult is what the child writes on stdout.
type ChildResult struct {
	Extraction *doctext.Extraction `json:"extraction,omitempty"`
	Reason     schemas.Reason      `json:"reason,omitempty"`
	Error      string              `json:"error,omitempty"`
}

// ChildError is an extraction failure reported by, or about, the child.
type ChildError struct {
	Reason schemas.Reason
	Msg    string
}

// Error is the message alone: dead letters carry the reason beside it.
func (e *ChildError) Error() string { return e.Msg }

// maxChildOutput bounds what is read from a child: the text of a maximal
// document with room to spare.
const maxChildOutput = 512 << 20

// defaultChildMemory bounds a child's address space when MemoryLimit is zero.
const defaultChildMemory = 4 << 30

// Extract runs the child on the document in r and returns its pages.
// It returns a *ChildError for any failure of the document, including a
// child killed by ctx's deadline (reason extract.timeout).
func (iso *Isolated) Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*doctext.Extraction, error) {
	if len(iso.Command) == 0 {
		return nil, errors.New("workers: isolated extraction has no command")
	}
	limit := iso.MemoryLimit
	if limit == 0 {
		limit = defaultChildMemory
	}
	out, err := proc.Run(ctx, proc.Cmd{
		Path:      iso.Command[0],
		Args:      append(iso.Command[1:len(iso.Command):len(iso.Command)], "--name="+name),
		Env:       iso.Env,
		Stdin:     io.NewSectionReader(r, 0, size),
		Memory:    limit,
		MaxStdout: maxChildOutput,
	})
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &ChildError{Reason: schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout), Msg: "extraction did not finish in time; the child was killed"}
		}
		return nil, ctx.Err()
	}
	var ee *proc.ExitError
	if err != nil && !errors.As(err, &ee) {
		return nil, fmt.Errorf("%w: %w", ErrChildStart, err)
	}
	var res ChildResult
	if jerr := json.Unmarshal(out, &res); jerr != nil || err != nil && res.Reason == "" {
		if err == nil {
			err = fmt.Errorf("unreadable answer: %w", jerr)
		}
		return nil, &ChildError{Reason: schemas.ReasonExtractCrashed, Msg: fmt.Sprintf("extraction child failed: %v", err)}
	}
	if res.Reason != "" {
		return nil, &ChildError{Reason: res.Reason, Msg: res.Error}
	}
	if res.Extraction == nil {
		return nil, &ChildError{Reason: schemas.ReasonExtractCrashed, Msg: "extraction child returned nothing"}
	}
	return res.Extraction, nil
}
