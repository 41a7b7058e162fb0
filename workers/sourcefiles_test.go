package workers_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// byRefDump is a folder holding one real filing, a folder beside it the
// reader is not given, and the id of the filing's bytes.
func byRefDump(t *testing.T) (root, outside, file, id string) {
	t.Helper()
	data, in := sample(t, "ca8-us-v-wilson-opinion.pdf")
	base := t.TempDir()
	root, outside = filepath.Join(base, "dump"), filepath.Join(base, "elsewhere")
	for _, d := range []string{root, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file = filepath.Join(root, "filing.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.pdf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return root, outside, file, in.ID
}

func TestSourceFilesRead(t *testing.T) {
	root, outside, file, id := byRefDump(t)
	if err := os.Symlink(filepath.Join(outside, "secret.pdf"), filepath.Join(root, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(root+"2", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(outside, "secret.pdf"), filepath.Join(root+"2", "filing.pdf")); err != nil {
		t.Fatal(err)
	}
	rootLink := filepath.Join(filepath.Dir(root), "dumplink")
	if err := os.Symlink(root, rootLink); err != nil {
		t.Fatal(err)
	}
	other := sha256.Sum256([]byte("other bytes"))
	tests := []struct {
		name  string
		roots []string // nil: no reader at all
		path  string
		id    string
		limit int64
		want  error // matched with errors.Is; nil: the bytes
	}{
		{name: "under its folder", roots: []string{root}, path: file, id: id},
		{name: "the file itself as root", roots: []string{file}, path: file, id: id},
		{name: "a path with dot-dot into the folder", roots: []string{root}, path: filepath.Join(outside, "..", "dump", "filing.pdf"), id: id},
		{name: "no reader", path: file, id: id, want: workers.ErrNoSourceFiles},
		{name: "outside the folders", roots: []string{root}, path: filepath.Join(outside, "secret.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "dot-dot out of the folder", roots: []string{root}, path: filepath.Join(root, "..", "elsewhere", "secret.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "symbolic link out of the folder", roots: []string{root}, path: filepath.Join(root, "link.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "bytes changed since ingest", roots: []string{root}, path: file, id: hex.EncodeToString(other[:]), want: workers.ErrSourceChanged},
		{name: "gone", roots: []string{root}, path: filepath.Join(root, "gone.pdf"), id: id, want: fs.ErrNotExist},
		// Not fs.ErrNotExist: the dead letter would tell which paths
		// exist outside the folders.
		{name: "a root with a trailing slash", roots: []string{root + string(filepath.Separator)}, path: file, id: id},
		{name: "a sibling whose name starts as the folder's", roots: []string{root}, path: filepath.Join(root+"2", "filing.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "a root that is a link", roots: []string{rootLink}, path: filepath.Join(rootLink, "filing.pdf"), id: id},
		{name: "a root that is a link, named resolved", roots: []string{rootLink}, path: file, id: id},
		{name: "gone under a root that is a link", roots: []string{rootLink}, path: filepath.Join(rootLink, "gone.pdf"), id: id, want: fs.ErrNotExist},
		{name: "missing outside the folders", roots: []string{root}, path: filepath.Join(outside, "nothing.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "missing under a folder outside", roots: []string{root}, path: filepath.Join(outside, "no", "such.pdf"), id: id, want: workers.ErrOutsideRoots},
		{name: "a FIFO never blocks", roots: []string{root}, path: filepath.Join(root, "pipe.pdf"), id: id, want: errAny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sf *workers.SourceFiles
			if tt.roots != nil {
				var err error
				if sf, err = workers.NewSourceFiles(tt.roots...); err != nil {
					t.Fatal(err)
				}
			}
			limit := tt.limit
			if limit == 0 {
				limit = 1 << 30
			}
			data, err := sf.Read(tt.path, tt.id, limit)
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("Read(%q) = %v, want its bytes", tt.path, err)
			case tt.want == nil:
				if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != id {
					t.Errorf("Read(%q) gave bytes that are not the filing's", tt.path)
				}
			case tt.want == errAny && err == nil, tt.want != errAny && !errors.Is(err, tt.want):
				t.Errorf("Read(%q) = %d bytes, %v; want %v", tt.path, len(data), err, tt.want)
			}
		})
	}
}

// errAny stands for any error in a table.
var errAny = errors.New("any error")

// TestExtractByReference runs the extract handler on deliveries of
// documents ingested by reference, with the real extractor and real files.
func TestExtractByReference(t *testing.T) {
	tests := []struct {
		name       string
		noReader   bool // Extract.Files nil
		change     func(t *testing.T, root, file string) (source string)
		maxBytes   int64
		wantReason schemas.Reason
		wantPages  int
	}{
		{name: "read from its file", wantPages: 2},
		{name: "rewritten since ingest", change: func(t *testing.T, _, file string) string {
			if err := os.WriteFile(file, []byte("%PDF-1.4 something else"), 0o644); err != nil {
				t.Fatal(err)
			}
			return file
		}, wantReason: schemas.ReasonExtractSourceChanged},
		{name: "deleted since ingest", change: func(t *testing.T, _, file string) string {
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			return file
		}, wantReason: schemas.ReasonExtractMissingBytes},
		{name: "names a file outside the folders", change: func(t *testing.T, root, _ string) string {
			return filepath.Join(root, "..", "elsewhere", "secret.pdf")
		}, wantReason: schemas.ReasonExtractMissingBytes},
		{name: "worker reads no files", noReader: true, wantReason: schemas.ReasonExtractMissingBytes},
		{name: "too large", maxBytes: 1000, wantReason: schemas.ReasonExtractTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _, file, id := byRefDump(t)
			source := file
			if tt.change != nil {
				source = tt.change(t, root, file)
			}
			in := pipeline.Ingested{ID: id, Source: source, Bytes: 1}
			body, _ := json.Marshal(in)
			bus := newMemBus()
			w := &workers.Extract{Bus: bus, MaxBytes: tt.maxBytes,
				Extractor: &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}}
			if !tt.noReader {
				var err error
				if w.Files, err = workers.NewSourceFiles(root); err != nil {
					t.Fatal(err)
				}
			}
			meta := pipeline.MetaOf(in)
			meta.InFile = true
			err := w.Handle(context.Background(), pipeline.NewDelivery(meta, 1, body))
			checkOutcome(t, "Extract.Handle("+tt.name+")", err, tt.wantReason, false)
			if tt.wantPages == 0 {
				return
			}
			if len(bus.published) != 1 {
				t.Fatalf("published %d messages, want 1", len(bus.published))
			}
			var out pipeline.Extracted
			if err := json.Unmarshal(bus.published[0].Body, &out); err != nil {
				t.Fatal(err)
			}
			if len(out.Pages) != tt.wantPages {
				t.Errorf("published %d pages, want %d", len(out.Pages), tt.wantPages)
			}
		})
	}
}

// TestSubmitByReference: a file ingested by reference is announced as
// such and its bytes are not stored.
func TestSubmitByReference(t *testing.T) {
	_, _, file, id := byRefDump(t)
	bus := newMemBus()
	in := &workers.Ingester{Bus: bus, ByReference: true}
	s, err := in.Submit(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != id || s.Done {
		t.Errorf("Submit = %+v, want id %s, not done", s, id)
	}
	if len(bus.docs) != 0 {
		t.Errorf("stored %d documents, want none", len(bus.docs))
	}
	if len(bus.published) != 1 || !bus.published[0].Meta.InFile || bus.published[0].Subject != pipeline.SubjectIngested {
		t.Fatalf("published %+v, want one ingested message marked InFile", bus.published)
	}
}

// TestSubmitByReferenceOddName: a file name that is not UTF-8 would not
// survive the message's JSON, so its bytes are stored instead.
// A line break would not survive a header (NATS makes it a blank, so the
// header's path would name another file).
func TestSubmitByReferenceOddName(t *testing.T) {
	data, _ := sample(t, "ca8-us-v-wilson-opinion.pdf")
	for _, name := range []string{"odd-\xff\xfe.pdf", "line\nbreak.pdf", "return\rhere.pdf"} {
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		bus := newMemBus()
		in := &workers.Ingester{Bus: bus, ByReference: true}
		if _, err := in.Submit(context.Background(), file); err != nil {
			t.Fatal(err)
		}
		if len(bus.docs) != 1 || len(bus.published) != 1 || bus.published[0].Meta.InFile {
			t.Errorf("%q: stored %d documents, published %+v; want the bytes stored and a message not marked InFile", name, len(bus.docs), bus.published)
		}
	}
}

// TestByReferenceRelativePath: a file ingested by reference under a path
// relative to the ingester's working directory (casefile ingest
// --by-reference dump/) is read by an extract worker whose working
// directory is another (a worker on another machine, or a run resumed
// from elsewhere), as long as the file lies under its folders.
func TestByReferenceRelativePath(t *testing.T) {
	root, outside, _, _ := byRefDump(t)
	t.Chdir(filepath.Dir(root))
	bus := newMemBus()
	in := &workers.Ingester{Bus: bus, ByReference: true}
	s, err := in.Submit(context.Background(), filepath.Join(filepath.Base(root), "filing.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(bus.published) != 1 {
		t.Fatalf("published %d messages, want 1", len(bus.published))
	}
	msg := bus.published[0]
	var ing pipeline.Ingested
	if err := json.Unmarshal(msg.Body, &ing); err != nil {
		t.Fatal(err)
	}
	if ing.Source != filepath.Join("dump", "filing.pdf") {
		t.Errorf("source %q, want the path as given", ing.Source)
	}

	t.Chdir(outside) // the worker's working directory
	w := &workers.Extract{Bus: newMemBus(), Extractor: &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}}
	if w.Files, err = workers.NewSourceFiles(root); err != nil {
		t.Fatal(err)
	}
	err = w.Handle(context.Background(), pipeline.NewDelivery(msg.Meta, 1, msg.Body))
	checkOutcome(t, "Extract.Handle of "+s.Source+" from another working directory", err, "", false)
}

// TestSubmitByReferenceLink: Walk passes a link to a file on and Submit
// reads it; by reference, its target may lie outside the folders the
// extract workers read (a dump of links into another store), so a link's
// bytes are stored, and the document is extracted from the store.
func TestSubmitByReferenceLink(t *testing.T) {
	root, outside, _, id := byRefDump(t)
	link := filepath.Join(root, "link.pdf")
	if err := os.Symlink(filepath.Join(outside, "secret.pdf"), link); err != nil {
		t.Fatal(err)
	}
	bus := newMemBus()
	in := &workers.Ingester{Bus: bus, ByReference: true}
	if _, err := in.Submit(context.Background(), link); err != nil {
		t.Fatal(err)
	}
	if len(bus.docs) != 1 || len(bus.published) != 1 || bus.published[0].Meta.InFile {
		t.Fatalf("stored %d documents, published %+v; want the link's bytes stored and a message not marked InFile", len(bus.docs), bus.published)
	}
	w := &workers.Extract{Bus: bus, Extractor: &doctext.Extractor{OCR: doctext.OCR{Mode: doctext.OCROff}}}
	var err error
	if w.Files, err = workers.NewSourceFiles(root); err != nil {
		t.Fatal(err)
	}
	msg := bus.published[0]
	err = w.Handle(context.Background(), pipeline.NewDelivery(msg.Meta, 1, msg.Body))
	checkOutcome(t, "Extract.Handle of a link out of the folder", err, "", false)
	if msg.Meta.ID != id {
		t.Errorf("id %s, want the target's %s", msg.Meta.ID, id)
	}
}
