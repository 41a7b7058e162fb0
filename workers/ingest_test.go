package workers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/workers"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.pdf", "sub/b.PDF", "sub/deeper/c.txt", "notes.docx", "sub/image.png"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// A file named explicitly is taken whatever its extension.
	got, err := workers.Walk([]string{dir, filepath.Join(dir, "notes.docx")})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i], _ = filepath.Rel(dir, got[i])
	}
	want := []string{"a.pdf", "notes.docx", "sub/b.PDF", "sub/deeper/c.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk mismatch (-want +got):\n%s", diff)
	}
	if _, err := workers.Walk([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("Walk of a missing path succeeded")
	}
}
