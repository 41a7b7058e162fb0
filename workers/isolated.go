package workers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/casefile/casefile/extractors"
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

// Reasons an isolated extraction fails for on top of the extractors' own.
const (
	ReasonCrashed = "extract.crashed" // the child died: a signal, or out of memory
)

// ChildResult is what the child writes on stdout.
type ChildResult struct {
	Extraction *extractors.Extraction `json:"extraction,omitempty"`
	Reason     string                 `json:"reason,omitempty"`
	Error      string                 `json:"error,omitempty"`
}

// ChildError is an extraction failure reported by, or about, the child.
type ChildError struct {
	Reason string
	Msg    string
}

func (e *ChildError) Error() string { return e.Msg }

// maxChildOutput bounds what is read from a child: the text of a maximal
// document with room to spare.
const maxChildOutput = 512 << 20

// Extract runs the child on the document in r and returns its pages.
// It returns a *ChildError for any failure of the document, including a
// child killed by ctx's deadline (reason extract.timeout).
func (iso *Isolated) Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*extractors.Extraction, error) {
	if len(iso.Command) == 0 {
		return nil, errors.New("workers: isolated extraction has no command")
	}
	cmd := exec.CommandContext(ctx, iso.Command[0], append(iso.Command[1:], "--name", name)...)
	cmd.Env = iso.Env
	cmd.Stdin = io.NewSectionReader(r, 0, size)
	cmd.WaitDelay = 2 * time.Second
	// Its own process group, so that OCR grandchildren die with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &capWriter{buf: &stdout, n: maxChildOutput}
	cmd.Stderr = &capWriter{buf: &stderr, n: 16 << 10}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("workers: start extraction child: %w", err)
	}
	limit := iso.MemoryLimit
	if limit == 0 {
		limit = 4 << 30
	}
	_ = unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: limit, Max: limit}, nil)
	err := cmd.Wait()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &ChildError{Reason: extractors.ReasonTimeout, Msg: "extraction did not finish in time; the child was killed"}
		}
		return nil, ctx.Err()
	}
	var res ChildResult
	if jerr := json.Unmarshal(stdout.Bytes(), &res); jerr != nil || err != nil && res.Reason == "" {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 500 {
			msg = msg[len(msg)-500:]
		}
		return nil, &ChildError{Reason: ReasonCrashed, Msg: fmt.Sprintf("extraction child failed: %v: %s", err, msg)}
	}
	if res.Reason != "" {
		return nil, &ChildError{Reason: res.Reason, Msg: res.Error}
	}
	if res.Extraction == nil {
		return nil, &ChildError{Reason: ReasonCrashed, Msg: "extraction child returned nothing"}
	}
	return res.Extraction, nil
}

// capWriter keeps the first n bytes written and drops the rest.
type capWriter struct {
	buf *bytes.Buffer
	n   int
}

func (c *capWriter) Write(p []byte) (int, error) {
	if k := min(len(p), c.n-c.buf.Len()); k > 0 {
		c.buf.Write(p[:k])
	}
	return len(p), nil
}
