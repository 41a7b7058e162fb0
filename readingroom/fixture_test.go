package readingroom

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
)

// The sample store: the bundled sample filings (../testdata/pdfs) and this
// package's testdata/dump (a hostile text filing, a second filing naming a
// defendant of the samples) run through the real pipeline by the casefile
// binary, once per test process, into a SQLite store and a JSONL copy of
// the records the tests compare pages with.
var sample struct {
	once    sync.Once
	dir     string
	bin     string
	db      string
	records map[string]schemas.Record // by source base name
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

// sampleStore returns the sample store's SQLite path and its records,
// building them on first use.
func sampleStore(tb testing.TB) (string, map[string]schemas.Record) {
	tb.Helper()
	sample.once.Do(func() { sample.err = buildSample() })
	if sample.err != nil {
		tb.Fatalf("sample store: %v", sample.err)
	}
	return sample.db, sample.records
}

// dump copies the sample filings into one folder.
func dump(dir string) (string, error) {
	dst := filepath.Join(dir, "dump")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", err
	}
	for _, src := range []string{"../testdata/pdfs", "testdata/dump"} {
		ents, err := os.ReadDir(src)
		if err != nil {
			return "", err
		}
		for _, e := range ents {
			if e.IsDir() {
				continue
			}
			if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
				return "", err
			}
		}
	}
	return dst, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// casefileBinary builds cmd/casefile into dir once.
func casefileBinary(dir string) (string, error) {
	bin := filepath.Join(dir, "casefile")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/casefile").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// runPipeline runs "casefile run" over the dump into the sinks given.
func runPipeline(ctx context.Context, bin, dataDir, dumpDir string, sinks ...string) error {
	args := []string{"run", "--data-dir", dataDir, "--log-level", "warn"}
	for _, s := range sinks {
		args = append(args, "--sink", s)
	}
	args = append(args, dumpDir)
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("casefile run: %v\n%s", err, out)
	}
	return nil
}

func buildSample() error {
	dir, err := os.MkdirTemp("", "readingroom-sample-")
	if err != nil {
		return err
	}
	sample.dir = dir
	if sample.bin, err = casefileBinary(dir); err != nil {
		return err
	}
	d, err := dump(dir)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sample.db = filepath.Join(dir, "casefile.db")
	jsonl := filepath.Join(dir, "records.jsonl")
	if err := runPipeline(ctx, sample.bin, filepath.Join(dir, "data"), d, "sqlite:"+sample.db, "jsonl:"+jsonl); err != nil {
		return err
	}
	sample.records, err = readRecords(jsonl)
	return err
}

func readRecords(path string) (map[string]schemas.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs := map[string]schemas.Record{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r schemas.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		recs[filepath.Base(r.Source)] = r
	}
	return recs, sc.Err()
}

// serveStore opens spec and serves the reading room over it for the test.
func serveStore(tb testing.TB, spec string) (*Store, *httptest.Server) {
	tb.Helper()
	st, err := Open(context.Background(), spec)
	if err != nil {
		tb.Fatalf("Open(%q): %v", spec, err)
	}
	tb.Cleanup(func() { st.Close() })
	h, err := NewServer(st, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return st, srv
}
