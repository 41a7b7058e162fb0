package proc_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/internal/proc"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name      string
		cmd       proc.Cmd
		timeout   time.Duration
		wantOut   string
		wantExit  bool
		wantCtx   bool
		wantInErr string
	}{
		{name: "stdin to stdout", cmd: proc.Cmd{Path: "cat", Stdin: strings.NewReader("hello")}, wantOut: "hello"},
		{name: "output capped", cmd: proc.Cmd{Path: "sh", Args: []string{"-c", "yes | head -c 100000"}, MaxStdout: 10}, wantOut: "y\ny\ny\ny\ny\n"},
		{name: "exit status with stderr", cmd: proc.Cmd{Path: "sh", Args: []string{"-c", "echo bad input >&2; exit 3"}}, wantExit: true, wantInErr: "bad input"},
		// The grandchild holds the pipes: only a group kill ends it in time.
		{name: "group killed on deadline", cmd: proc.Cmd{Path: "sh", Args: []string{"-c", "sleep 600 & sleep 600"}}, timeout: 200 * time.Millisecond, wantCtx: true},
		{name: "memory limit", cmd: proc.Cmd{Path: "sh", Args: []string{"-c", "x=$(head -c 300000000 /dev/zero | tr '\\0' a); echo done"}, Memory: 64 << 20}, wantExit: true},
		// The child's first read of its input already finds its limit set.
		{name: "input read under the limit", cmd: proc.Cmd{Path: "sh", Args: []string{"-c", "head -c 1 >/dev/null; ulimit -v"}, Stdin: strings.NewReader("document bytes"), Memory: 64 << 20}, wantOut: "65536\n"},
		{name: "a child that leaves its input unread", cmd: proc.Cmd{Path: "echo", Args: []string{"ok"}, Stdin: strings.NewReader(strings.Repeat("x", 1<<20))}, wantOut: "ok\n"},
		{name: "file names are data", cmd: proc.Cmd{Path: "echo", Args: []string{"a; rm -rf /tmp/nothing $(id)"}}, wantOut: "a; rm -rf /tmp/nothing $(id)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			start := time.Now()
			out, err := proc.Run(ctx, tt.cmd)
			var ee *proc.ExitError
			switch {
			case tt.wantCtx:
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("err = %v, want a deadline", err)
				}
				if el := time.Since(start); el > tt.timeout+proc.DefaultWaitDelay+3*time.Second {
					t.Errorf("took %s: the group was not killed", el)
				}
			case tt.wantExit:
				if !errors.As(err, &ee) {
					t.Fatalf("err = %v, want *ExitError", err)
				}
				if !strings.Contains(err.Error(), tt.wantInErr) {
					t.Errorf("err = %q, want it to contain %q", err, tt.wantInErr)
				}
			case err != nil:
				t.Fatal(err)
			}
			if tt.wantOut != "" && string(out) != tt.wantOut {
				t.Errorf("stdout = %q, want %q", out, tt.wantOut)
			}
		})
	}
}

func TestRunMissingProgram(t *testing.T) {
	if _, err := proc.Run(context.Background(), proc.Cmd{Path: "/nonexistent/tool"}); err == nil {
		t.Fatal("want an error for a missing program")
	}
}

// TestChildDiesWithParent: a parent killed with SIGKILL takes its child
// with it (the worker's extraction child must not spin on alone). The
// parent is this test binary run again as a helper that starts a long
// sleep through Run and prints its pid.
func TestChildDiesWithParent(t *testing.T) {
	if os.Getenv("PROC_TEST_PARENT") == "1" {
		proc.Run(context.Background(), proc.Cmd{Path: "sh", Args: []string{"-c", "echo $$; exec sleep 600"}, MaxStdout: 64})
		return
	}
	parent := exec.Command(os.Args[0], "-test.run=^TestChildDiesWithParent$")
	parent.Env = append(os.Environ(), "PROC_TEST_PARENT=1")
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	// Find the sleep: the parent's child.
	var child int
	for deadline := time.Now().Add(10 * time.Second); child == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		out, _ := exec.Command("pgrep", "-P", strconv.Itoa(parent.Process.Pid)).Output()
		child, _ = strconv.Atoi(strings.TrimSpace(string(out)))
	}
	if child == 0 {
		parent.Process.Kill()
		t.Fatal("the helper started no child")
	}
	parent.Process.Signal(syscall.SIGKILL)
	parent.Wait()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := syscall.Kill(child, 0); err != nil {
			return // gone
		}
		// A zombie waiting for init to reap it counts as gone.
		if st, _ := os.ReadFile("/proc/" + strconv.Itoa(child) + "/stat"); strings.Contains(string(st), ") Z ") {
			return
		}
	}
	syscall.Kill(child, syscall.SIGKILL)
	t.Fatalf("child %d outlived its parent", child)
}
