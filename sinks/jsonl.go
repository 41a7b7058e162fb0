package sinks

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/casefile/casefile/schemas"
)

// maxLine bounds one line when an existing file is scanned: a record of a
// 2,000-page document fits with room to spare.
const maxLine = 256 << 20

var _ Sink = (*JSONL)(nil)

// JSONL appends records, one JSON object per line, to a file or a writer.
type JSONL struct {
	lines *lineFile
}

// OpenJSONL opens (creating if needed) a JSON Lines file of records. Ids
// already in the file are not written again; a torn last line, left by a
// crash mid-write, is cut off.
func OpenJSONL(path string) (*JSONL, error) {
	lf, err := openLineFile(path)
	if err != nil {
		return nil, err
	}
	return &JSONL{lines: lf}, nil
}

// NewJSONLWriter writes records to w, typically stdout. It keeps no index of
// what w held before, so it deduplicates only within its own lifetime.
func NewJSONLWriter(w io.Writer) *JSONL {
	return &JSONL{lines: &lineFile{w: w, seen: map[string]bool{}}}
}

// Write appends recs and syncs the file.
func (s *JSONL) Write(ctx context.Context, recs ...schemas.Record) error {
	items := make([]keyed, len(recs))
	for i := range recs {
		items[i] = keyed{recs[i].ID, &recs[i]}
	}
	return s.lines.append(ctx, items)
}

// Close closes the file.
func (s *JSONL) Close(context.Context) error { return s.lines.close() }

// DeadLetters appends dead letters to a JSON Lines file, one per document id.
type DeadLetters struct {
	lines *lineFile
}

// OpenDeadLetters opens (creating if needed) a JSON Lines file of dead letters.
func OpenDeadLetters(path string) (*DeadLetters, error) {
	lf, err := openLineFile(path)
	if err != nil {
		return nil, err
	}
	return &DeadLetters{lines: lf}, nil
}

// Write appends dls and syncs the file.
func (s *DeadLetters) Write(ctx context.Context, dls ...schemas.DeadLetter) error {
	items := make([]keyed, len(dls))
	for i := range dls {
		items[i] = keyed{dls[i].ID, &dls[i]}
	}
	return s.lines.append(ctx, items)
}

// WriteDeadLetters is Write: DeadLetters is a DeadLetterWriter.
func (s *DeadLetters) WriteDeadLetters(ctx context.Context, dls ...schemas.DeadLetter) error {
	return s.Write(ctx, dls...)
}

// Close closes the file.
func (s *DeadLetters) Close(context.Context) error { return s.lines.close() }

type keyed struct {
	id string
	v  any
}

// lineFile is an append-only JSON Lines file with an index of the ids in it.
type lineFile struct {
	mu   sync.Mutex
	w    io.Writer
	f    *os.File // nil when w is not a file we own
	seen map[string]bool
	buf  bytes.Buffer
	size int64 // bytes of complete lines in f
}

func openLineFile(path string) (*lineFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("sinks: open %s: %w", path, err)
	}
	seen, good, err := scanIDs(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("sinks: read %s: %w", path, err)
	}
	if err := f.Truncate(good); err != nil {
		f.Close()
		return nil, fmt.Errorf("sinks: repair %s: %w", path, err)
	}
	if _, err := f.Seek(good, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("sinks: seek %s: %w", path, err)
	}
	return &lineFile{w: f, f: f, seen: seen, size: good}, nil
}

// scanIDs reads the id of every complete line and returns the length of
// the file up to the last complete, parseable line.
func scanIDs(r io.Reader) (map[string]bool, int64, error) {
	seen := map[string]bool{}
	br := bufio.NewReaderSize(r, 1<<20)
	var good int64
	for {
		line, err := readLine(br)
		if errors.Is(err, io.EOF) {
			return seen, good, nil // a line without '\n' is torn
		}
		if err != nil {
			return nil, 0, err
		}
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(line, &head) != nil || head.ID == "" {
			return seen, good, nil // torn or foreign: cut from here
		}
		seen[head.ID] = true
		good += int64(len(line))
	}
}

// readLine returns one line including its '\n', io.EOF if the input ends
// before a '\n', or an error for a line over maxLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			return nil, fmt.Errorf("line over %d bytes", maxLine)
		}
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return nil, err
		}
	}
}

func (l *lineFile) append(ctx context.Context, items []keyed) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Reset()
	var added []string
	for _, it := range items {
		if l.seen[it.id] {
			continue
		}
		data, err := json.Marshal(it.v)
		if err != nil {
			return fmt.Errorf("sinks: encode %s: %w", it.id, err)
		}
		l.buf.Write(data)
		l.buf.WriteByte('\n')
		l.seen[it.id] = true
		added = append(added, it.id)
	}
	if l.buf.Len() == 0 {
		return nil
	}
	_, err := l.w.Write(l.buf.Bytes())
	if err == nil && l.f != nil {
		err = l.f.Sync()
	}
	if err != nil {
		// Cut what may be partly written, so the redelivered records are
		// appended to whole lines.
		if l.f != nil {
			_ = l.f.Truncate(l.size)
			_, _ = l.f.Seek(l.size, io.SeekStart)
		}
		for _, id := range added {
			delete(l.seen, id)
		}
		return fmt.Errorf("sinks: write: %w", err)
	}
	l.size += int64(l.buf.Len())
	return nil
}

func (l *lineFile) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
