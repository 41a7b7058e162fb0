// Package proc runs bounded child processes: an argument list (never a
// shell), its own process group killed whole when the context ends or the
// caller kills it, death with the parent, an address-space limit, and
// capped output. [Run] runs one to completion (OCR's tools, a child per
// document); [Start] keeps one running to take requests on its standard
// input (the extraction pool). The limits that keep a hostile document from
// hanging or exhausting a worker are written once.
package proc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Defaults for a zero Cmd field.
const (
	DefaultMaxStdout = 64 << 20
	DefaultMaxStderr = 16 << 10
	// DefaultWaitDelay is how long Wait waits for the output pipes after
	// the process is gone (a grandchild may hold them open).
	DefaultWaitDelay = 2 * time.Second
)

// Cmd describes a child process.
type Cmd struct {
	// Path is the program; Args are its arguments, without the program.
	Path string
	Args []string
	// Env is the environment; nil inherits this process's.
	Env []string
	// Stdin is the child's standard input; nil is empty.
	Stdin io.Reader
	// Memory bounds the child's address space (RLIMIT_AS) in bytes. Zero
	// sets no limit.
	Memory uint64
	// MaxStdout and MaxStderr bound what is kept of each stream; the rest
	// is read and discarded, so a chatty child never blocks. Zero means
	// DefaultMaxStdout and DefaultMaxStderr.
	MaxStdout, MaxStderr int
}

// ExitError is a child that ran and failed: a non-zero exit or a signal.
type ExitError struct {
	Program string
	// Stderr is the tail of what the child wrote to standard error.
	Stderr string
	Err    error // the *exec.ExitError
}

func (e *ExitError) Error() string {
	if e.Stderr == "" {
		return fmt.Sprintf("%s: %v", e.Program, e.Err)
	}
	return fmt.Sprintf("%s: %v: %s", e.Program, e.Err, e.Stderr)
}

func (e *ExitError) Unwrap() error { return e.Err }

// maxStderrInError bounds the stderr tail an ExitError carries.
const maxStderrInError = 500

// Run starts c, waits for it and returns what it wrote to standard
// output, which may be partial when err is not nil. When ctx ends first
// the child's whole process group is killed and err wraps ctx.Err(); a
// child that fails on its own gives an *ExitError.
func Run(ctx context.Context, c Cmd) (stdout []byte, err error) {
	if c.Path == "" {
		return nil, errors.New("proc: no program")
	}
	cmd := exec.CommandContext(ctx, c.Path, c.Args...)
	cmd.Env = c.Env
	// Stdin goes through a pipe fed only once the address-space limit is
	// set: exec.Cmd would start copying it at Start, so that the child
	// could read a hostile document before its limit held.
	var stdin io.WriteCloser
	if c.Stdin != nil {
		var err error
		if stdin, err = cmd.StdinPipe(); err != nil {
			return nil, fmt.Errorf("proc: %w", err)
		}
	}
	cmd.WaitDelay = DefaultWaitDelay
	// Its own process group, so grandchildren (OCR tools under an
	// extraction child) die with it.
	// Pdeathsig: a child dies with the thread that started it, so a
	// worker killed with SIGKILL leaves no extraction spinning behind it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out, errb bytes.Buffer
	cmd.Stdout = &capWriter{buf: &out, n: or(c.MaxStdout, DefaultMaxStdout)}
	cmd.Stderr = &capWriter{buf: &errb, n: or(c.MaxStderr, DefaultMaxStderr)}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("proc: start %s: %w", filepath.Base(c.Path), err)
	}
	if err := limitMemory(cmd, c.Memory); err != nil {
		return nil, err
	}
	if stdin != nil {
		go func() {
			// A child that exits without reading all of it ends the copy
			// with EPIPE: its exit status says what happened.
			io.Copy(stdin, c.Stdin)
			stdin.Close()
		}()
	}
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return out.Bytes(), fmt.Errorf("proc: %s killed: %w", filepath.Base(c.Path), ctx.Err())
	}
	if werr != nil {
		tail := strings.TrimSpace(errb.String())
		if len(tail) > maxStderrInError {
			tail = tail[len(tail)-maxStderrInError:]
		}
		return out.Bytes(), &ExitError{Program: filepath.Base(c.Path), Stderr: tail, Err: werr}
	}
	return out.Bytes(), nil
}

func or(v, def int) int {
	if v > 0 {
		return v
	}
	return def
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

// limitMemory bounds a started child's address space. A limit that cannot
// be set fails closed: the child is killed and waited for, since a child
// meant to be bounded must not run unbounded.
func limitMemory(cmd *exec.Cmd, limit uint64) error {
	if limit == 0 {
		return nil
	}
	err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: limit, Max: limit}, nil)
	if err == nil {
		return nil
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	cmd.Wait()
	return fmt.Errorf("proc: limit the memory of %s: %w", filepath.Base(cmd.Path), err)
}
