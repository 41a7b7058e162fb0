package proc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is a long-lived child that takes requests on its standard input
// and answers on its standard output, under the same bounds as Run: its
// own process group, killed whole; death with its parent; an address-space
// limit; a capped standard error. Callers serialize their exchanges.
type Process struct {
	// Stdin carries requests; Stdout answers.
	Stdin  io.WriteCloser
	Stdout *bufio.Reader

	cmd     *exec.Cmd
	program string
	stderr  *lockedCap
	done    chan struct{}
	waitErr error
}

// Start starts c as a long-lived Process. c.Stdin and c.MaxStdout are
// ignored: the caller owns the pipes.
func Start(c Cmd) (*Process, error) {
	if c.Path == "" {
		return nil, errors.New("proc: no program")
	}
	cmd := exec.Command(c.Path, c.Args...)
	cmd.Env = c.Env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("proc: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("proc: %w", err)
	}
	p := &Process{
		Stdin: stdin, Stdout: bufio.NewReaderSize(stdout, 64<<10),
		cmd: cmd, program: filepath.Base(c.Path),
		stderr: &lockedCap{n: or(c.MaxStderr, DefaultMaxStderr)}, done: make(chan struct{}),
	}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("proc: start %s: %w", p.program, err)
	}
	// The caller writes the first request once Start returns: after the
	// limit, so the child reads nothing unbounded.
	if err := limitMemory(cmd, c.Memory); err != nil {
		return nil, err
	}
	go func() {
		p.waitErr = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Pid is the child's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Kill kills the child's process group and waits for it to be gone.
func (p *Process) Kill() {
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	<-p.done
}

// Close ends the child's input, which a serving child takes as the end of
// its work, and waits for it; a child that does not leave is killed.
func (p *Process) Close() error {
	_ = p.Stdin.Close()
	select {
	case <-p.done:
	case <-closeGrace():
		p.Kill()
	}
	return p.exitError()
}

// Exited reports whether the child is gone, and how it ended.
func (p *Process) Exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.exitError()
	default:
		return false, nil
	}
}

// Stderr returns the tail of what the child wrote to standard error.
func (p *Process) Stderr() string {
	tail := strings.TrimSpace(p.stderr.String())
	if len(tail) > maxStderrInError {
		tail = tail[len(tail)-maxStderrInError:]
	}
	return tail
}

func (p *Process) exitError() error {
	if p.waitErr == nil {
		return nil
	}
	return &ExitError{Program: p.program, Stderr: p.Stderr(), Err: p.waitErr}
}

// RSS returns the child's resident set in bytes, read from /proc.
func (p *Process) RSS() (uint64, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(p.Pid()) + "/statm")
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0, fmt.Errorf("proc: statm: %q", data)
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return 0, err
	}
	return pages * uint64(os.Getpagesize()), nil
}

// lockedCap is a capWriter safe for the reader of Stderr.
type lockedCap struct {
	mu  sync.Mutex
	buf bytes.Buffer
	n   int
}

func (l *lockedCap) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	// Keep the latest bytes: a crash's last words matter most.
	l.buf.Write(b)
	if over := l.buf.Len() - l.n; over > 0 {
		l.buf.Next(over)
	}
	return len(b), nil
}

func (l *lockedCap) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// closeGrace is how long Close waits for a child to leave on its own.
func closeGrace() <-chan time.Time { return time.After(DefaultWaitDelay) }
