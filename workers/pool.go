package workers

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/internal/proc"
	"github.com/casefile/casefile/schemas"
)

// Pool extracts documents in long-lived child processes, each taking many
// documents, so that isolation costs a process start per MaxDocs
// documents instead of one per document. A child stays as isolated as
// Isolated's: its own process group and address-space limit; one document
// at a time; killed on its document's deadline; replaced when it crashes,
// after MaxDocs documents, or when its resident set grows past MaxRSS.
//
// The child is the casefile binary's extract-child command with --serve:
// requests on stdin are a JSON header line (PoolRequest) then the
// document's bytes; each answer is one JSON line (ChildResult).
type Pool struct {
	// Command is the child's argv, without --serve.
	Command []string
	// Env, if not nil, is the children's environment.
	Env []string
	// MemoryLimit bounds each child's address space in bytes. If zero,
	// 4 GiB.
	MemoryLimit uint64
	// MaxDocs is how many documents a child takes before it is replaced.
	// If zero, DefaultPoolDocs.
	MaxDocs int
	// MaxRSS replaces a child whose resident set is larger after a
	// document, in bytes. If zero, DefaultPoolRSS.
	MaxRSS uint64

	mu     sync.Mutex
	idle   []*poolChild
	closed bool
}

// Defaults of a zero Pool field.
const (
	DefaultPoolDocs = 200
	DefaultPoolRSS  = 1 << 30
)

// PoolRequest heads one document sent to a serving child.
type PoolRequest struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

type poolChild struct {
	p    *proc.Process
	docs int
}

// errChildGone is a child that died before or while answering.
var errChildGone = errors.New("extraction child exited")

// Extract sends the document in r to an idle child (starting one when none
// is idle) and returns its pages. Like Isolated.Extract it returns a
// *ChildError for any failure of the document, extract.timeout when ctx's
// deadline kills the child.
func (pl *Pool) Extract(ctx context.Context, name string, r io.ReaderAt, size int64) (*doctext.Extraction, error) {
	c, err := pl.get()
	if err != nil {
		return nil, err
	}
	type answer struct {
		res ChildResult
		err error
	}
	ch := make(chan answer, 1)
	go func() {
		var a answer
		a.res, a.err = c.exchange(name, r, size)
		ch <- a
	}()
	var a answer
	select {
	case a = <-ch:
	case <-ctx.Done():
		c.p.Kill() // unblocks the exchange
		<-ch
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &ChildError{Reason: schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout), Msg: "extraction did not finish in time; the child was killed"}
		}
		return nil, ctx.Err()
	}
	if a.err != nil {
		c.p.Kill()
		msg := fmt.Sprintf("extraction child failed: %v", a.err)
		if tail := c.p.Stderr(); tail != "" {
			msg += ": " + tail
		}
		return nil, &ChildError{Reason: schemas.ReasonExtractCrashed, Msg: msg}
	}
	pl.put(c)
	if a.res.Reason != "" {
		return nil, &ChildError{Reason: a.res.Reason, Msg: a.res.Error}
	}
	if a.res.Extraction == nil {
		return nil, &ChildError{Reason: schemas.ReasonExtractCrashed, Msg: "extraction child returned nothing"}
	}
	return a.res.Extraction, nil
}

// exchange sends one document and reads its answer.
func (c *poolChild) exchange(name string, r io.ReaderAt, size int64) (ChildResult, error) {
	var res ChildResult
	c.docs++
	head, err := json.Marshal(PoolRequest{Name: name, Size: size})
	if err != nil {
		return res, err
	}
	// The child reads the whole request before it answers, so writing
	// cannot deadlock against its output.
	if _, err := c.p.Stdin.Write(append(head, '\n')); err != nil {
		return res, fmt.Errorf("%w: %v", errChildGone, err)
	}
	if _, err := io.Copy(c.p.Stdin, io.NewSectionReader(r, 0, size)); err != nil {
		return res, fmt.Errorf("%w: %v", errChildGone, err)
	}
	line, err := readLine(c.p, maxChildOutput)
	if err != nil {
		return res, err
	}
	if err := schemas.Decode(line, &res); err != nil {
		return res, fmt.Errorf("unreadable answer: %w", err)
	}
	return res, nil
}

// readLine reads one answer line of at most limit bytes.
func readLine(p *proc.Process, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := p.Stdout.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > limit {
			return nil, fmt.Errorf("answer over %d bytes", limit)
		}
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue // a long line
		}
		if _, werr := p.Exited(); werr != nil {
			return nil, fmt.Errorf("%w: %v", errChildGone, werr)
		}
		return nil, fmt.Errorf("%w: %v", errChildGone, err)
	}
}

// get returns an idle child, or starts one.
func (pl *Pool) get() (*poolChild, error) {
	pl.mu.Lock()
	if pl.closed {
		pl.mu.Unlock()
		return nil, errors.New("workers: extraction pool closed")
	}
	if n := len(pl.idle); n > 0 {
		c := pl.idle[n-1]
		pl.idle = pl.idle[:n-1]
		pl.mu.Unlock()
		if gone, _ := c.p.Exited(); !gone {
			return c, nil
		}
		return pl.get()
	}
	pl.mu.Unlock()
	if len(pl.Command) == 0 {
		return nil, errors.New("workers: extraction pool has no command")
	}
	limit := pl.MemoryLimit
	if limit == 0 {
		limit = defaultChildMemory
	}
	p, err := proc.Start(proc.Cmd{
		Path: pl.Command[0], Args: append(pl.Command[1:len(pl.Command):len(pl.Command)], "--serve"),
		Env: pl.Env, Memory: limit,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrChildStart, err)
	}
	return &poolChild{p: p}, nil
}

// put returns a child to the pool, or retires it when it has done its
// share or grown too large.
func (pl *Pool) put(c *poolChild) {
	maxDocs, maxRSS := pl.MaxDocs, pl.MaxRSS
	if maxDocs <= 0 {
		maxDocs = DefaultPoolDocs
	}
	if maxRSS == 0 {
		maxRSS = DefaultPoolRSS
	}
	retire := c.docs >= maxDocs
	if rss, err := c.p.RSS(); err != nil || rss > maxRSS {
		retire = true
	}
	pl.mu.Lock()
	if !retire && !pl.closed {
		pl.idle = append(pl.idle, c)
		c = nil
	}
	pl.mu.Unlock()
	if c != nil {
		go c.p.Close()
	}
}

// Close ends the idle children; children busy with a document end when it
// is done.
func (pl *Pool) Close() error {
	pl.mu.Lock()
	idle := pl.idle
	pl.idle, pl.closed = nil, true
	pl.mu.Unlock()
	for _, c := range idle {
		_ = c.p.Close()
	}
	return nil
}
