package workers

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher submits the documents that appear or change in a folder tree as
// a court-feed scraper writes them: each file once it is complete — its
// size and modification time unchanged for Settle, or renamed into place —
// and again only when its bytes change (a new id). On start it submits
// what the folder already holds; the ledger makes that a no-op for what an
// earlier run finished, so a restart adds nothing twice. Only regular
// files are taken: a link, FIFO or device is skipped without a dead
// letter, unlike [Walk], which passes them on.
type Watcher struct {
	Ingester *Ingester
	// Settle is how long a file must hold still before it is taken. If
	// zero, DefaultSettle.
	Settle time.Duration
	// Submitted, if not nil, is told of every submission.
	Submitted func(Submitted)
	Log       *slog.Logger
}

// DefaultSettle is a Watcher's zero Settle: long enough for a writer that
// flushes in pieces, short enough to stream.
const DefaultSettle = 2 * time.Second

// pendingFile is a file seen changing, waiting to hold still.
type pendingFile struct {
	last    time.Time // of the last event or change seen
	size    int64
	modTime time.Time
	checked bool // size and modTime were read at least once
}

// Run watches dir until ctx ends. It returns ctx's error, or the error
// that stopped the watching or the pipeline.
func (w *Watcher) Run(ctx context.Context, dir string) error {
	settle := w.Settle
	if settle <= 0 {
		settle = DefaultSettle
	}
	log := w.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("workers: watch: %w", err)
	}
	defer fw.Close()
	pending := map[string]*pendingFile{}
	// Watch the tree first, then list it, so that nothing written in
	// between is missed.
	if err := w.addTree(fw, dir, pending, log); err != nil {
		return err
	}
	tick := time.NewTicker(max(settle/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-fw.Errors:
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: list the tree again.
				log.Warn("watch: events overflowed; rescanning", "dir", dir)
				if err := w.addTree(fw, dir, pending, log); err != nil {
					return err
				}
				continue
			}
			return fmt.Errorf("workers: watch %s: %w", dir, err)
		case ev := <-fw.Events:
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(fw, ev.Name, pending, log); err != nil {
						return err
					}
					continue
				}
			}
			if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) || ev.Has(fsnotify.Chmod) {
				if watchable(ev.Name) {
					pending[ev.Name] = &pendingFile{last: time.Now()}
				}
			}
		case now := <-tick.C:
			if err := w.settle(ctx, now, settle, pending, log); err != nil {
				return err
			}
		}
	}
}

// addTree watches dir and its sub-folders and marks the files in them
// pending.
func (w *Watcher) addTree(fw *fsnotify.Watcher, dir string, pending map[string]*pendingFile, log *slog.Logger) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			log.Warn("watch: cannot read", "path", path, "err", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			if err := fw.Add(path); err != nil {
				return fmt.Errorf("workers: watch %s: %w", path, err)
			}
		case d.Type().IsRegular() && watchable(path):
			pending[path] = &pendingFile{last: time.Now()}
		}
		return nil
	})
}

// settle submits the pending files that have held still for settle.
func (w *Watcher) settle(ctx context.Context, now time.Time, settle time.Duration, pending map[string]*pendingFile, log *slog.Logger) error {
	for path, p := range pending {
		if now.Sub(p.last) < settle {
			continue
		}
		info, err := os.Lstat(path)
		if err != nil {
			delete(pending, path) // renamed away or removed before it settled
			continue
		}
		if !info.Mode().IsRegular() {
			delete(pending, path)
			continue
		}
		if !p.checked || info.Size() != p.size || !info.ModTime().Equal(p.modTime) {
			p.checked, p.size, p.modTime, p.last = true, info.Size(), info.ModTime(), now
			continue
		}
		delete(pending, path)
		s, err := w.Ingester.Submit(ctx, path)
		if err != nil {
			return fmt.Errorf("workers: submit %s: %w", path, err)
		}
		log.Info("watch: submitted", "source", path, "id", s.ID, "already_done", s.Done)
		if w.Submitted != nil {
			w.Submitted(s)
		}
	}
	return nil
}

// watchable reports whether a file is a document to take: a .pdf or .txt
// that is not hidden and not a download or editor's temporary name, which
// writers rename into place when they are done.
func watchable(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	return wanted(path)
}
