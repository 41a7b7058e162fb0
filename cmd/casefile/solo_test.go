package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
)

// TestSoloCommands checks that each command parsed with a model of its own
// (soloCommand) has the flags, arguments, defaults and help it has on the
// full command line, and the same global flags.
func TestSoloCommands(t *testing.T) {
	full, err := kong.New(&cli{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"extract", "extract-child"} {
		t.Run(name, func(t *testing.T) {
			model, _, ok := soloCommand([]string{name, "x"})
			if !ok {
				t.Fatalf("soloCommand(%q) = false", name)
			}
			solo, err := kong.New(model)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describe(solo.Model.Node, ""), describe(full.Model.Node, ""); got != want {
				t.Errorf("global flags:\nsolo: %s\nfull: %s", got, want)
			}
			if got, want := describe(solo.Model.Node, name), describe(full.Model.Node, name); got != want {
				t.Errorf("command %s:\nsolo: %s\nfull: %s", name, got, want)
			}
		})
	}
	if _, _, ok := soloCommand([]string{"run", "extract"}); ok {
		t.Error(`soloCommand("run", "extract") = true; only the first argument names the command`)
	}
}

// describe writes a node's (or, with cmd, its child cmd's) flags and
// positional arguments with everything a user sees of them.
func describe(root *kong.Node, cmd string) string {
	n := root
	if cmd != "" {
		n = nil
		for _, c := range root.Children {
			if c.Name == cmd {
				n = c
			}
		}
		if n == nil {
			return "no command " + cmd
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q hidden=%v;", n.Name, n.Help, n.Hidden)
	for _, f := range n.Flags {
		fmt.Fprintf(&b, " --%s %q default=%q enum=%q hidden=%v type=%s;", f.Name, f.Help, f.Default, f.Enum, f.Hidden, f.Target.Type())
	}
	for _, p := range n.Positional {
		fmt.Fprintf(&b, " <%s> %q required=%v type=%s;", p.Name, p.Help, p.Required, p.Target.Type())
	}
	return b.String()
}

// TestStartAllocations holds package initialisation to what every casefile
// process can afford: one that extracts a single document pays for all of
// it. Tables, patterns and models are built at first use (sync.OnceValue)
// instead. The budget is of bytes allocated, which the Go runtime reports
// exactly (GODEBUG=inittrace=1), not of time: one package's init once
// compiled a pattern per row of a table, 53 MB and 200 ms per process.
func TestStartAllocations(t *testing.T) {
	const (
		maxTotal = 2 << 20   // all inits together; 1.0 MB when this was written
		maxOurs  = 256 << 10 // any one package of this module
	)
	cmd := casefileCmd(t.TempDir(), "version")
	cmd.Env = append(cmd.Env, "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("casefile version: %v\n%s", err, stderr.String())
	}
	total, n := 0, 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		// init PKG @T ms, C ms clock, B bytes, N allocs
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		b, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("inittrace line %q: %v", line, err)
		}
		n++
		total += b
		if strings.HasPrefix(f[1], ourModule) && b > maxOurs {
			t.Errorf("init of %s allocates %d bytes; at most %d: build what it makes at first use", f[1], b, maxOurs)
		}
	}
	if n == 0 {
		t.Fatalf("no inittrace lines in:\n%s", stderr.String())
	}
	if total > maxTotal {
		t.Errorf("package inits allocate %d bytes in all; at most %d", total, maxTotal)
	}
}

// ourModule prefixes the import paths of this module's packages.
const ourModule = "github.com/casefile/casefile/"
