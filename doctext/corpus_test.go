package doctext_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// corpusDir is the shared development corpus, present beside the repository
// on developer machines and in CI, absent elsewhere.
const corpusDir = "../../shared/corpus"

// corpusFile is one row of the corpus manifest.
type corpusFile struct {
	Name, Kind, Reference string // Reference is "" when there is none
}

// corpusFiles returns the manifest's rows, or skips the test or benchmark
// when the corpus is not there.
func corpusFiles(tb testing.TB) []corpusFile {
	tb.Helper()
	f, err := os.Open(corpusDir + "/MANIFEST.tsv")
	if err != nil {
		tb.Skip("../shared/corpus not present")
	}
	defer f.Close()
	var out []corpusFile
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
		out = append(out, corpusFile{Name: c[0], Kind: c[6], Reference: ref})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
