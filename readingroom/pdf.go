package readingroom

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Errors of the original-file endpoint.
var (
	// ErrNoOriginal is returned when the recorded source is not a local
	// file the reading room can read (a publisher's URI, a moved file).
	ErrNoOriginal = errors.New("readingroom: original file not available")
	// ErrChanged is returned when the file at the recorded source no
	// longer holds the bytes the document was made from.
	ErrChanged = errors.New("readingroom: original file changed since it was processed")
)

// Original is where a document's original file is recorded.
type Original struct {
	ID, Source, ContentType string
	Bytes                   int64
}

// Original reads where document id came from. It returns ErrNotFound for
// an id the store does not hold.
func (s *Store) Original(ctx context.Context, id string) (*Original, error) {
	o := &Original{ID: id}
	err := s.queryRow(ctx, `SELECT source, content_type, bytes FROM documents WHERE id = ?`, id).
		Scan(&o.Source, &o.ContentType, &o.Bytes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("readingroom: original %s: %w", id, err)
	}
	return o, nil
}

// openOriginal opens the file at o's recorded source (relative sources
// under root) and checks it is still those bytes: a regular file of the
// recorded size whose SHA-256 is the document id. Only the recorded path
// is ever opened; a request names a document, never a path.
func openOriginal(o *Original, root string) (*os.File, error) {
	src := o.Source
	if src == "" || strings.Contains(src, "://") || strings.ContainsRune(src, 0) {
		return nil, fmt.Errorf("%w: source %q is not a local file", ErrNoOriginal, src)
	}
	if !filepath.IsAbs(src) && root != "" {
		src = filepath.Join(root, src)
	}
	// O_NONBLOCK: a named pipe at the path is refused below, not waited on
	// for a writer; a regular file reads as ever.
	f, err := os.OpenFile(src, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoOriginal, err)
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != o.Bytes {
		f.Close()
		return nil, fmt.Errorf("%w: %s", ErrChanged, src)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, o.Bytes)); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %w", ErrNoOriginal, err)
	}
	if !strings.EqualFold(hex.EncodeToString(h.Sum(nil)), o.ID) {
		f.Close()
		return nil, fmt.Errorf("%w: %s", ErrChanged, src)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %w", ErrNoOriginal, err)
	}
	return f, nil
}

// pdf serves a document's original PDF from its recorded source, so that
// /doc/ID/pdf#page=N opens the filing at a page.
func (s *Server) pdf(w http.ResponseWriter, r *http.Request) {
	o, err := s.store.Original(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if o.ContentType != "application/pdf" {
		s.render(w, r, http.StatusNotFound, "error", view{Title: "Not a PDF", Data: "This document's original is not a PDF."})
		return
	}
	f, err := openOriginal(o, s.opts.SourceRoot)
	if err != nil {
		s.log.InfoContext(r.Context(), "readingroom: original", "id", o.ID, "err", err)
		msg := "The original file is not where the run recorded it."
		if errors.Is(err, ErrChanged) {
			msg = "The file at the recorded source no longer holds the bytes this document was made from."
		}
		s.render(w, r, http.StatusNotFound, "error", view{Title: "Original not available", Data: msg})
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": baseName(o.Source)}))
	h.Set("Cache-Control", "private, max-age=300")
	http.ServeContent(w, r, "", fi.ModTime(), f)
}
