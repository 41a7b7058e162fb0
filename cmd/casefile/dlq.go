package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// dlqCmd is what a user does with documents that failed.
type dlqCmd struct {
	List   dlqListCmd   `cmd:"" help:"List dead letters: document, stage, reason, attempts, when, source."`
	Export dlqExportCmd `cmd:"" help:"Write dead letters as CSV or JSON Lines, for a spreadsheet."`
	Purge  dlqPurgeCmd  `cmd:"" help:"Remove the dead letters of the documents named (the ledger keeps their outcome)."`
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

// read returns the selected dead letters, newest per document.
func (f dlqFilter) read(ctx context.Context, bus *pipeline.Bus, e *env) ([]pipeline.StoredDeadLetter, error) {
	all, skipped, err := bus.DeadLetters(ctx)
	if err != nil {
		return nil, err
	}
	if skipped > 0 {
		e.log.Warn("dead letters that could not be read were skipped", "count", skipped)
	}
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
	return out, nil
}

type dlqListCmd struct {
	dlqFilter
	JSON bool `name:"json" help:"One JSON object per line instead of a table."`
	natsFlags
}

func (c *dlqListCmd) Run(ctx context.Context, e *env) error {
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	dls, err := c.read(ctx, bus, e)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(e.stdout)
		for _, dl := range dls {
			if err := enc.Encode(dl.DeadLetter); err != nil {
				return err
			}
		}
		return nil
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
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	dls, err := c.read(ctx, bus, e)
	if err != nil {
		return err
	}
	if c.Format == "jsonl" {
		enc := json.NewEncoder(e.stdout)
		for _, dl := range dls {
			if err := enc.Encode(dl.DeadLetter); err != nil {
				return err
			}
		}
		return nil
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
	all, _, err := bus.DeadLetters(ctx)
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, want := range c.IDs {
		if len(want) < 12 {
			return fmt.Errorf("id %q: give at least 12 characters", want)
		}
		found := false
		for _, dl := range all {
			if strings.HasPrefix(dl.ID, want) {
				ids[dl.ID], found = true, true
			}
		}
		if !found {
			return fmt.Errorf("no dead letter for %s", want)
		}
	}
	n, err := bus.PurgeDeadLetters(ctx, ids)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "purged %d dead letters of %d documents\n", n, len(ids))
	return err
}
