// Package corpustest gives tests and benchmarks the shared development
// corpus, ../shared/corpus beside the repository: present on developer
// machines and in CI, absent elsewhere, when what needs it is skipped.
// Only tests import it.
package corpustest

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/schemas"
)

// Dir returns the corpus directory, or skips tb when it is not there.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, ok := find()
	if !ok {
		tb.Skip("../shared/corpus not present")
	}
	return dir
}

// Present reports whether the corpus is there.
func Present() bool {
	_, ok := find()
	return ok
}

// find looks for shared/corpus beside the module's root.
func find() (string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			dir := filepath.Join(d, "..", "shared", "corpus")
			_, err := os.Stat(filepath.Join(dir, "MANIFEST.tsv"))
			return dir, err == nil
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// File is one row of the corpus manifest.
type File struct {
	Name, Kind, Reference string // Kind: text, scanned, mixed, malformed; Reference is "" when there is none
}

// Files returns the manifest's rows, or skips tb when the corpus is not
// there.
func Files(tb testing.TB) []File {
	tb.Helper()
	f, err := os.Open(filepath.Join(Dir(tb), "MANIFEST.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []File
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 17 {
			continue
		}
		ref := c[16]
		if ref == "-" {
			ref = ""
		}
		out = append(out, File{Name: c[0], Kind: c[6], Reference: ref})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// PDF returns the path of a corpus PDF.
func PDF(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(Dir(tb), "pdfs", name)
}

// TextLayer reads a PDF's text layer, no OCR.
func TextLayer(tb testing.TB, path string) []schemas.Page {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	x := doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}
	ex, err := x.Extract(context.Background(), path, f, st.Size())
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return ex.Pages
}

// Doc is one corpus document's reference text, split into pages.
type Doc struct {
	Name  string // the file stem
	Pages []schemas.Page
}

// ReferenceTexts returns poppler's text of every corpus PDF and the plain
// documents (a plain document has a copy in text/, read once), pages split
// at form feeds, or skips tb when the corpus is not there.
func ReferenceTexts(tb testing.TB) []Doc {
	tb.Helper()
	dir := Dir(tb)
	text, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	plain, _ := filepath.Glob(filepath.Join(dir, "plain", "*.txt"))
	seen := map[string]bool{}
	var out []Doc
	for _, f := range append(text, plain...) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if seen[name] {
			continue
		}
		seen[name] = true
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		d := Doc{Name: name}
		for i, p := range strings.Split(string(data), "\f") {
			d.Pages = append(d.Pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: p})
		}
		out = append(out, d)
	}
	return out
}
