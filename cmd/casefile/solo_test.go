package main

import (
	"fmt"
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
