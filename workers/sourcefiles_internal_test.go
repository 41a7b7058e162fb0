package workers

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestSourceFilesOpenAfterSwap: a folder swapped for a symbolic link to
// outside the root between Check and the open (the race a check-then-open
// leaves) does not lead the open outside the root.
func TestSourceFilesOpenAfterSwap(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "dump")
	outside := filepath.Join(base, "secret")
	for _, d := range []string{filepath.Join(root, "sub"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{filepath.Join(root, "sub", "a.pdf"), filepath.Join(outside, "a.pdf")} {
		if err := os.WriteFile(f, []byte("%PDF-1.4 "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sf, err := NewSourceFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	real, err := sf.Check(filepath.Join(root, "sub", "a.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := sf.open(real)
	if err != nil {
		t.Fatalf("open before the swap: %v", err)
	}
	f.Close()

	// The swap.
	if err := os.Rename(filepath.Join(root, "sub"), filepath.Join(base, "old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "sub")); err != nil {
		t.Fatal(err)
	}
	if f, err := sf.open(real); err == nil {
		f.Close()
		t.Fatal("open after the swap read a file outside the root")
	}

	// A root that is one file opens that file, and nothing else.
	one, err := NewSourceFiles(filepath.Join(outside, "a.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	f, err = one.open(filepath.Join(outside, "a.pdf"))
	if err != nil {
		t.Fatalf("a single-file root: %v", err)
	}
	f.Close()
	if _, err := one.open(filepath.Join(root, "x.pdf")); !errors.Is(err, ErrOutsideRoots) {
		t.Fatalf("a path outside a single-file root: %v, want ErrOutsideRoots", err)
	}
}
