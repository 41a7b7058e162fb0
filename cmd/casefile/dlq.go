package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/casefile/casefile/doctext"
	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/workers"
)

// dlqCmd is what a user does with documents that failed.
type dlqCmd struct {
	List   dlqListCmd   `cmd:"" help:"List dead letters: document, stage, reason, attempts, when, source."`
	Export dlqExportCmd `cmd:"" help:"Write dead letters as CSV or JSON Lines, for a spreadsheet."`
	Purge  dlqPurgeCmd  `cmd:"" help:"Remove the dead letters of the documents named (the ledger keeps their outcome)."`
	Replay dlqReplayCmd `cmd:"" help:"Process dead-lettered documents again, after a fix or an outage: from their stored bytes, or their source file (under --read-sources) when none were stored."`
}

// dlqFilter selects dead letters.
type dlqFilter struct {
	Reason []string `name:"reason" placeholder:"CODE" help:"Only these reasons (e.g. extract.encrypted); repeatable."`
	Stage  []string `name:"stage" placeholder:"STAGE" help:"Only these stages (ingest, extract, annotate, sink); repeatable."`
}

func (f dlqFilter) keep(dl schemas.DeadLetter) bool {
	return (len(f.Reason) == 0 || contains(f.Reason, string(dl.Reason))) &&
		(len(f.Stage) == 0 || contains(f.Stage, dl.Stage))
}

// deadLetters are every entry of the DLQ stream, read once per command.
type deadLetters []pipeline.StoredDeadLetter

// loadDeadLetters reads the DLQ stream.
func loadDeadLetters(ctx context.Context, bus *pipeline.Bus, e *env) (deadLetters, error) {
	all, skipped, err := bus.DeadLetters(ctx)
	if skipped > 0 {
		e.log.Warn("dead letters that could not be read were skipped", "count", skipped)
	}
	return all, err
}

// newest returns the newest dead letter of each document f keeps.
func (all deadLetters) newest(f dlqFilter) []pipeline.StoredDeadLetter {
	latest := map[string]int{}
	var out []pipeline.StoredDeadLetter
	for _, dl := range all {
		if !f.keep(dl.DeadLetter) {
			continue
		}
		if i, ok := latest[dl.ID]; ok {
			out[i] = dl
			continue
		}
		latest[dl.ID] = len(out)
		out = append(out, dl)
	}
	return out
}

// of returns every dead letter of the document id.
func (all deadLetters) of(id string) []pipeline.StoredDeadLetter {
	var out []pipeline.StoredDeadLetter
	for _, dl := range all {
		if dl.ID == id {
			out = append(out, dl)
		}
	}
	return out
}

// matchIDs resolves ids or prefixes of at least 12 characters (as dlq list
// shows them) to the documents with dead letters.
func (all deadLetters) matchIDs(prefixes []string) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, p := range prefixes {
		if len(p) < 12 {
			return nil, fmt.Errorf("id %q: give at least 12 characters", p)
		}
		found := false
		for _, dl := range all {
			if strings.HasPrefix(dl.ID, p) {
				ids[dl.ID], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("no dead letter for %s", p)
		}
	}
	return ids, nil
}

// selected connects, reads the DLQ and returns the newest dead letter of
// each document f keeps.
func (f dlqFilter) selected(ctx context.Context, nf *natsFlags, e *env) ([]pipeline.StoredDeadLetter, error) {
	bus, closeBus, err := nf.connect(ctx, e.log)
	if err != nil {
		return nil, err
	}
	defer closeBus()
	all, err := loadDeadLetters(ctx, bus, e)
	if err != nil {
		return nil, err
	}
	return all.newest(f), nil
}

// writeJSONL writes dead letters one JSON object per line.
func writeJSONL(w io.Writer, dls []pipeline.StoredDeadLetter) error {
	enc := json.NewEncoder(w)
	for _, dl := range dls {
		if err := enc.Encode(dl.DeadLetter); err != nil {
			return err
		}
	}
	return nil
}

type dlqListCmd struct {
	dlqFilter
	JSON bool `name:"json" help:"One JSON object per line instead of a table."`
	natsFlags
}

func (c *dlqListCmd) Run(ctx context.Context, e *env) error {
	dls, err := c.selected(ctx, &c.natsFlags, e)
	if err != nil {
		return err
	}
	if c.JSON {
		return writeJSONL(e.stdout, dls)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTAGE\tREASON\tATTEMPTS\tAT\tSOURCE")
	for _, dl := range dls {
		// %q: a source is data, and a name with newlines or escape codes
		// must not reach the terminal as such.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%q\n", dl.ID[:min(12, len(dl.ID))], dl.Stage, dl.Reason, dl.Attempts,
			dl.At.UTC().Format(time.RFC3339), dl.Source)
	}
	return tw.Flush()
}

type dlqExportCmd struct {
	dlqFilter
	Format string `name:"format" enum:"csv,jsonl" default:"csv" help:"csv (a spreadsheet) or jsonl."`
	natsFlags
}

func (c *dlqExportCmd) Run(ctx context.Context, e *env) error {
	dls, err := c.selected(ctx, &c.natsFlags, e)
	if err != nil {
		return err
	}
	if c.Format == "jsonl" {
		return writeJSONL(e.stdout, dls)
	}
	w := csv.NewWriter(e.stdout)
	w.Write([]string{"id", "source", "stage", "reason", "message", "attempts", "at"})
	for _, dl := range dls {
		w.Write([]string{dl.ID, csvSafe(dl.Source), dl.Stage, string(dl.Reason), csvSafe(dl.Message),
			strconv.Itoa(dl.Attempts), dl.At.UTC().Format(time.RFC3339)})
	}
	w.Flush()
	return w.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: a source
// name or message starting with = + - @ is prefixed with a quote mark.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

type dlqPurgeCmd struct {
	IDs []string `arg:"" name:"id" help:"Document ids (the full SHA-256, or a prefix of at least 12 characters as dlq list shows)."`
	natsFlags
}

func (c *dlqPurgeCmd) Run(ctx context.Context, e *env) error {
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	all, err := loadDeadLetters(ctx, bus, e)
	if err != nil {
		return err
	}
	ids, err := all.matchIDs(c.IDs)
	if err != nil {
		return err
	}
	n := 0
	for id := range ids {
		k, err := bus.PurgeDeadLetters(ctx, all.of(id))
		n += k
		if err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(e.stdout, "purged %d dead letters of %d documents\n", n, len(ids))
	return err
}

type dlqReplayCmd struct {
	IDs []string `arg:"" optional:"" name:"id" help:"Document ids or 12-character prefixes; none means every dead letter the filters select."`
	dlqFilter
	Sinks    []string `name:"sink" default:"sqlite:casefile.db" placeholder:"SPEC" help:"Where records go, as for run."`
	Progress string   `name:"progress" enum:"auto,bar,log,off" default:"auto" help:"Progress display, as for run."`
	// A dead letter names any path its publisher likes: a source file is
	// read again only under folders the operator names.
	ReadSources []string `name:"read-sources" placeholder:"DIR" help:"Folders (or files) under which a dead-lettered document's source file may be read again when its bytes were not stored (ingest refused it, or it was left in its file by reference, as casefile run does by default); other such dead letters are skipped. Repeatable."`
	natsFlags
	stageFlags
}

// Run replays as casefile run runs: the same stages and stores, waiting
// until every replayed document has a record or a dead letter again.
func (c *dlqReplayCmd) Run(ctx context.Context, e *env) error {
	var files *workers.SourceFiles
	if len(c.ReadSources) > 0 {
		var err error
		if files, err = workers.NewSourceFiles(c.ReadSources...); err != nil {
			return fmt.Errorf("--read-sources: %w", err)
		}
	}
	r := &runCmd{Sinks: c.Sinks, Progress: c.Progress, natsFlags: c.natsFlags, stageFlags: c.stageFlags}
	// Documents a stopped run left in the queue by reference are read
	// under the same folders.
	r.sourceRoots = c.ReadSources
	r.submit = func(ctx context.Context, bus *pipeline.Bus, emit func(workers.Submitted) error) error {
		all, err := loadDeadLetters(ctx, bus, e)
		if err != nil {
			return err
		}
		dls := all.newest(c.dlqFilter)
		if len(c.IDs) > 0 {
			ids, err := all.matchIDs(c.IDs)
			if err != nil {
				return err
			}
			dls = slices.DeleteFunc(dls, func(dl pipeline.StoredDeadLetter) bool { return !ids[dl.ID] })
		}
		if len(dls) == 0 {
			return fmt.Errorf("no dead letter to replay")
		}
		in := &workers.Ingester{Bus: bus, MaxBytes: c.MaxBytes}
		replayed := 0
		for _, dl := range dls {
			s, err := replay(ctx, bus, in, files, dl, all.of(dl.ID))
			if errors.Is(err, errNotUnderReadSources) {
				e.log.Warn("dead letter skipped, kept as it is", "id", dl.ID, "source", dl.Source, "why", err)
				continue
			}
			if err != nil {
				return fmt.Errorf("replay %s: %w", dl.ID, err)
			}
			replayed++
			if err := emit(s); err != nil {
				return err
			}
		}
		if replayed == 0 {
			return fmt.Errorf("all %d dead letters were skipped: %w", len(dls), errNotUnderReadSources)
		}
		return nil
	}
	return r.Run(ctx, e)
}

// errNotUnderReadSources skips a dead letter whose bytes replay would
// have to read from a source file it was not given leave to read.
var errNotUnderReadSources = errors.New("its bytes were not stored, and a source file is read again only under a folder given with --read-sources")

// replay puts one dead-lettered document in again, as the next replay
// generation of its dead letter dl (pipeline.HeaderGeneration): its stored
// bytes are resubmitted. When none were stored (ingest refused the file,
// or left it where it lay by reference), a source file that still holds
// them is stored first; any other is ingested again (it may have been
// fixed: then it is a new document with a new id, and the old id's ledger
// entry is removed). A source outside files' folders (all of them when
// files is nil) is not read: errNotUnderReadSources, and nothing changes.
//
// The document is accounted for at every step: its dead letters (its, of
// dl's generation and earlier) are removed only once the server has taken
// the resubmission, and its ledger entry stays until the new generation's
// outcome replaces it (the stages process a message of a later generation
// than the entry's, and run waits for the new one). A replay stopped
// between the steps and run again resubmits the same generation, which
// the work queue drops as a duplicate within its window (after it, the
// stages skip the copy once the first has an outcome); once that outcome
// is in the ledger, the dead letters it superseded are only removed.
func replay(ctx context.Context, bus *pipeline.Bus, in *workers.Ingester, files *workers.SourceFiles, dl pipeline.StoredDeadLetter, its []pipeline.StoredDeadLetter) (workers.Submitted, error) {
	stale := slices.DeleteFunc(slices.Clone(its), func(x pipeline.StoredDeadLetter) bool { return x.Generation > dl.Generation })
	e, ok, err := bus.State(ctx, dl.ID)
	if err != nil {
		return workers.Submitted{}, err
	}
	if ok && e.Generation > dl.Generation {
		_, err := bus.PurgeDeadLetters(ctx, stale)
		return workers.Submitted{ID: dl.ID, Source: dl.Source, Done: true, Entry: e, Generation: e.Generation}, err
	}
	gen := dl.Generation + 1
	size, err := bus.DocumentSize(ctx, dl.ID)
	stored := err == nil
	if err != nil && !errors.Is(err, pipeline.ErrNotFound) {
		return workers.Submitted{}, err
	}
	if !stored {
		// A file that is gone or unreadable under the folders is
		// ingested again all the same: ingest dead-letters it anew.
		// A file that still holds the document's bytes (one ingested by
		// reference) is stored and resubmitted as stored bytes are.
		maxBytes := in.MaxBytes
		if maxBytes == 0 {
			maxBytes = doctext.DefaultMaxBytes
		}
		data, err := files.Read(dl.Source, dl.ID, maxBytes)
		switch {
		case errors.Is(err, workers.ErrNoSourceFiles):
			return workers.Submitted{}, errNotUnderReadSources
		case errors.Is(err, workers.ErrOutsideRoots):
			return workers.Submitted{}, fmt.Errorf("%w: %v", errNotUnderReadSources, err)
		case err == nil:
			if _, err := bus.PutDocument(ctx, dl.ID, bytes.NewReader(data)); err != nil {
				return workers.Submitted{}, err
			}
			stored, size = true, int64(len(data))
		}
	}
	s := workers.Submitted{ID: dl.ID, Source: dl.Source, Generation: gen}
	if stored {
		msg := pipeline.Ingested{ID: dl.ID, Source: dl.Source, Bytes: size, IngestedAt: time.Now().UTC()}
		if err := bus.Resubmit(ctx, msg, gen); err != nil {
			return workers.Submitted{}, err
		}
	} else {
		again := *in
		again.Generation = gen
		if s, err = again.Submit(ctx, dl.Source); err != nil {
			return workers.Submitted{}, err
		}
		// Other bytes, another document: it accounts for the file now.
		if s.ID != dl.ID {
			if err := bus.Forget(ctx, dl.ID); err != nil {
				return s, err
			}
		}
	}
	if _, err := bus.PurgeDeadLetters(ctx, stale); err != nil {
		return s, err
	}
	return s, nil
}
