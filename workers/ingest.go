package workers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// Walk calls visit with each file to ingest under paths, as it finds
// them: every path that is not a folder as it is, whatever its name, and
// under each folder, walked recursively in lexical order, each entry whose
// name ends in .pdf or .txt (any letter case) and is not a folder itself.
//
// Entries that are not regular files are passed on too (a symbolic link, a
// FIFO, a socket, a device): Submit reads a link to a regular file and
// dead-letters the rest with the reason, so nothing named as a document is
// skipped in silence. Links to folders are not followed, so a link loop
// cannot trap the walk. A folder that cannot be read is passed to visit as
// well, to become its own dead letter, and the rest of the tree is read.
//
// Walk holds one folder's listing at a time, never the dump's list. It
// stops at the first error visit returns, or when ctx ends.
func Walk(ctx context.Context, paths []string, visit func(path string) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("workers: %w", err)
		}
		if !info.IsDir() {
			if err := visit(p); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if d != nil && d.IsDir() {
					if verr := visit(path); verr != nil {
						return verr
					}
					return fs.SkipDir
				}
				return visit(path)
			}
			if d.IsDir() || !wanted(path) {
				return nil
			}
			return visit(path)
		})
		if err != nil {
			return fmt.Errorf("workers: walk %s: %w", p, err)
		}
	}
	return nil
}

// Count returns how many files Walk would visit: a total for progress,
// read before the walk that submits them.
func Count(ctx context.Context, paths []string) (int, error) {
	n := 0
	err := Walk(ctx, paths, func(string) error { n++; return nil })
	return n, err
}

func wanted(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf", ".txt":
		return true
	}
	return false
}

// Ingester puts documents into the pipeline.
type Ingester struct {
	Bus IngestBus
	// MaxBytes bounds a document. If zero, doctext.DefaultMaxBytes.
	MaxBytes int64
	// Now stamps ingested_at. If nil, time.Now.
	Now func() time.Time
	// ByReference leaves the bytes in the file: the ingested message says
	// so (HeaderBytes), and the extract stage reads the file at its path,
	// checking that it still hashes to the id. For a run whose extract
	// workers see the same files (casefile run, or workers given the
	// folders with --read-sources); else the bytes are stored in
	// BucketDocs, where a worker on any machine finds them. A symbolic
	// link's bytes, or those of a file whose name is not UTF-8 or holds a
	// line break, are stored all the same.
	ByReference bool
	// Generation is the replay generation of what Submit publishes
	// (pipeline.HeaderGeneration): 0 for a first ingest; a replay of a
	// dead letter of generation N submits as N+1, and a ledger entry of
	// an earlier generation does not count as done.
	Generation int
}

// Submitted is what became of one submitted file.
type Submitted struct {
	ID     string
	Source string
	// Done is true when the ledger already had a terminal entry for the
	// document, which then was not sent again.
	Done bool
	// Entry is that ledger entry, when Done.
	Entry pipeline.Entry
	// Generation is the replay generation submitted: the document's
	// outcome is a ledger entry that covers it.
	Generation int
}

// Submit hashes the file at path, stores its bytes (unless ByReference)
// and publishes it for extraction, unless the ledger says the same bytes were already processed.
// A file that cannot be read, is empty or is too large is dead-lettered at
// the ingest stage (its id is then the SHA-256 of "path:" and its path,
// since its bytes are unknown). Submit returns an error only when the
// pipeline itself fails.
func (in *Ingester) Submit(ctx context.Context, path string) (Submitted, error) {
	maxBytes := in.MaxBytes
	if maxBytes == 0 {
		maxBytes = doctext.DefaultMaxBytes
	}
	now := time.Now
	if in.Now != nil {
		now = in.Now
	}
	id, size, err := HashFile(path, maxBytes)
	if err != nil {
		reason := schemas.ReasonIngestUnreadable
		switch {
		case errors.Is(err, errEmpty):
			reason = schemas.ReasonIngestEmpty
		case errors.Is(err, errTooLarge):
			reason = schemas.ReasonIngestTooLarge
		}
		if id == "" {
			id = pathID(path)
		}
		return in.deadLetter(ctx, id, path, reason, err)
	}
	if e, ok, err := in.Bus.State(ctx, id); err != nil {
		return Submitted{}, err
	} else if ok && e.Covers(in.Generation) {
		return Submitted{ID: id, Source: path, Done: true, Entry: e, Generation: in.Generation}, nil
	}
	// A path that is not UTF-8 does not survive the JSON of the message
	// (its odd bytes become U+FFFD), nor one with a line break its header
	// (NATS makes it a blank), and a link's target may lie outside the
	// folders the extract workers read (Walk passes links to files on):
	// such a file's bytes are stored.
	byRef := in.ByReference && utf8.ValidString(path) && !strings.ContainsAny(path, "\r\n") && isPlainFile(path)
	if !byRef {
		f, err := openRegular(path)
		if err != nil {
			return in.deadLetter(ctx, id, path, schemas.ReasonIngestUnreadable, err)
		}
		_, err = in.Bus.PutDocument(ctx, id, io.LimitReader(f, size))
		f.Close()
		if err != nil {
			return Submitted{}, err
		}
	}
	msg := pipeline.Ingested{ID: id, Source: path, Bytes: size, IngestedAt: now().UTC()}
	meta := pipeline.MetaOf(msg)
	meta.InFile = byRef
	meta.Generation = in.Generation
	if byRef {
		// The source stays as given; a worker elsewhere, or a run resumed
		// from another folder, reads the file by its absolute path.
		if abs, err := filepath.Abs(path); err == nil {
			meta.Path = abs
		}
	}
	if err := in.Bus.Publish(ctx, pipeline.SubjectIngested, meta, msg); err != nil {
		return Submitted{}, err
	}
	return Submitted{ID: id, Source: path, Generation: in.Generation}, nil
}

func (in *Ingester) deadLetter(ctx context.Context, id, path string, reason schemas.Reason, cause error) (Submitted, error) {
	if e, ok, err := in.Bus.State(ctx, id); err != nil {
		return Submitted{}, err
	} else if ok && e.Covers(in.Generation) {
		return Submitted{ID: id, Source: path, Done: true, Entry: e, Generation: in.Generation}, nil
	}
	dl := schemas.DeadLetter{ID: id, Source: path, Stage: pipeline.StageIngest, Reason: reason, Message: cause.Error()}
	if err := in.Bus.DeadLetter(ctx, dl, in.Generation); err != nil {
		return Submitted{}, err
	}
	return Submitted{ID: id, Source: path, Generation: in.Generation}, nil
}

// isPlainFile reports whether path names a regular file itself, not a
// symbolic link to one.
func isPlainFile(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode().IsRegular()
}

// errNotRegular is a FIFO, socket or device named as a document: reading
// one could block for ever.
var errNotRegular = errors.New("not a regular file")

// openRegular opens a regular file for reading without blocking on a FIFO
// (O_NONBLOCK), and refuses anything else, a folder included.
func openRegular(path string) (*os.File, error) {
	return openRegularWith(os.OpenFile, path)
}

// openRegularWith is openRegular through open: os.OpenFile, or an
// os.Root's OpenFile to stay under the root.
func openRegularWith(open func(string, int, os.FileMode) (*os.File, error), path string) (*os.File, error) {
	f, err := open(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if err := regular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// regular returns errNotRegular unless f is a regular file.
func regular(f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w: %s", errNotRegular, info.Mode().Type())
	}
	return nil
}

var (
	errEmpty    = errors.New("file is empty")
	errTooLarge = errors.New("file is too large")
)

// HashFile returns the SHA-256 hex and size of the file, reading at most
// maxBytes+1 bytes. For an empty or too-large file it returns the error and
// an id if one could be computed.
func HashFile(path string, maxBytes int64) (string, int64, error) {
	f, err := openRegular(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, maxBytes+1))
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", path, err)
	}
	id := hex.EncodeToString(h.Sum(nil))
	switch {
	case n == 0:
		return id, 0, errEmpty
	case n > maxBytes:
		return pathID(path), n, fmt.Errorf("%w: over %d bytes", errTooLarge, maxBytes)
	}
	return id, n, nil
}

func pathID(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte("path:" + abs))
	return hex.EncodeToString(sum[:])
}
