package workers

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Errors of reading a document by reference. Extract files the first two
// as extract.missing_bytes and ErrSourceChanged as extract.source_changed.
var (
	// ErrNoSourceFiles: the document was ingested by reference, and this
	// worker reads no local files (it was given no folders to read).
	ErrNoSourceFiles = errors.New("document ingested by reference, and this worker reads no source files")
	// ErrOutsideRoots: the source path is not under a folder this worker
	// may read. A message on the ingest subject names any path it likes,
	// so a worker reads only where it was told documents live.
	ErrOutsideRoots = errors.New("source path is outside the folders this worker reads")
	// ErrSourceChanged: the file no longer holds the bytes ingest hashed.
	ErrSourceChanged = errors.New("source file changed since it was ingested")
)

// SourceFiles reads the bytes of documents ingested by reference
// (Ingester.ByReference) from their source paths. It is what lets a run on
// one machine leave a dump where it lies instead of copying every file
// into the object store, read back a moment later by the extract stage
// of the same process.
//
// It reads only regular files under its roots, symbolic links resolved,
// and only bytes that still hash to the document's id. The file is opened
// through an os.Root, so a path changed after it was checked still cannot
// lead outside its root.
type SourceFiles struct {
	roots []string // absolute, symbolic links resolved
	given []string // absolute as given, links unresolved
}

// NewSourceFiles returns a reader of files under roots: folders, or single
// files that are then the only file of their root.
func NewSourceFiles(roots ...string) (*SourceFiles, error) {
	sf := &SourceFiles{}
	for _, r := range roots {
		abs, err := resolve(r)
		if err != nil {
			return nil, fmt.Errorf("source folder %q: %w", r, err)
		}
		sf.roots = append(sf.roots, abs)
		given, _ := filepath.Abs(r) // resolve took it
		sf.given = append(sf.given, given)
	}
	return sf, nil
}

// resolve returns path made absolute with its symbolic links resolved.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// under reports whether path (absolute, clean) is one of roots or lies
// below one.
func under(path string, roots []string) bool {
	for _, r := range roots {
		// Both are absolute and clean: Rel gives "." for the root itself
		// and starts with ".." only for a path outside it.
		rel, err := filepath.Rel(r, path)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// Check returns path with its symbolic links resolved when it lies under
// the roots, else ErrOutsideRoots (ErrNoSourceFiles when sf is nil). A
// path that cannot be resolved (gone, a folder not searchable) gives its
// error only when it would lie under a root as written: else the error
// would tell whoever reads dead letters which paths exist outside them.
func (sf *SourceFiles) Check(path string) (string, error) {
	if sf == nil {
		return "", ErrNoSourceFiles
	}
	real, err := resolve(path)
	if err != nil {
		if abs, aerr := filepath.Abs(path); aerr != nil || !under(abs, sf.roots) && !under(abs, sf.given) {
			return "", fmt.Errorf("%w: %q", ErrOutsideRoots, path)
		}
		return "", err
	}
	if !under(real, sf.roots) {
		return "", fmt.Errorf("%w: %q", ErrOutsideRoots, path)
	}
	return real, nil
}

// open opens real, a path Check returned, through an os.Root at the root
// it lies under: a folder on the path swapped for a symbolic link between
// Check and the open cannot lead the open outside the root, where a plain
// open would follow it.
func (sf *SourceFiles) open(real string) (*os.File, error) {
	for _, r := range sf.roots {
		if !under(real, []string{r}) {
			continue
		}
		dir, name := r, "."
		if rel, _ := filepath.Rel(r, real); rel != "." {
			name = rel
		} else {
			// A root that is a single file: its folder is the os.Root,
			// and the file the one name opened in it.
			dir, name = filepath.Dir(r), filepath.Base(r)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		return openRegularWith(root.OpenFile, name)
	}
	return nil, fmt.Errorf("%w: %q", ErrOutsideRoots, real)
}

// Read returns the bytes of the document id from path: at most limit of
// them (else errTooLarge), and only if they hash to id (else
// ErrSourceChanged). A path outside the roots gives ErrOutsideRoots; a
// missing or unreadable file, its error (fs.ErrNotExist for one gone).
func (sf *SourceFiles) Read(path, id string, limit int64) ([]byte, error) {
	real, err := sf.Check(path)
	if err != nil {
		return nil, err
	}
	f, err := sf.open(real)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readAll(f, limit)
	if err != nil {
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", errTooLarge, limit)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != id {
		return nil, fmt.Errorf("%w: %q", ErrSourceChanged, path)
	}
	return data, nil
}

// readAll reads f to its end, at most limit+1 bytes, into a buffer sized
// from f's size: io.ReadAll grows its buffer a doubling at a time from
// 512 bytes, which for a PDF of a few hundred kilobytes left twice its
// size in garbage on every document.
func readAll(f *os.File, limit int64) ([]byte, error) {
	var b bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Size() >= 0 {
		b.Grow(int(min(info.Size(), limit)) + bytes.MinRead)
	}
	_, err := b.ReadFrom(io.LimitReader(f, limit+1))
	return b.Bytes(), err
}
