package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/casefile/casefile/pipeline"
)

type statusCmd struct {
	JSON bool `name:"json" help:"Print one JSON object: the consumers and the ledger's balance."`
	natsFlags
}

// Run prints, per stage consumer, what waits and what is in flight, and the
// ledger's counts of records and dead letters by reason.
func (c *statusCmd) Run(ctx context.Context, e *env) error {
	bus, closeBus, err := c.connect(ctx, e.log)
	if err != nil {
		return err
	}
	defer closeBus()
	consumers, err := bus.Consumers(ctx)
	if err != nil {
		return err
	}
	if c.JSON {
		counts, err := bus.Counts(ctx)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Consumers []pipeline.ConsumerStatus `json:"consumers"`
			Ledger    pipeline.Counts           `json:"ledger"`
		}{consumers, counts})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STREAM\tCONSUMER\tWAITING\tIN FLIGHT\tREDELIVERED\tDONE\tFEEDS")
	for _, c := range consumers {
		// A sink's WAITING is its lag: records the store has yet to take.
		_, feeds, _ := strings.Cut(c.Description, " stage: ")
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", c.Stream, c.Name, c.Pending, c.AckPending, c.Redelivered, c.AckFloor, feeds)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	counts, err := bus.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\ndocuments: %d ingested = %d recorded + %d dead-lettered + %d in progress\n",
		counts.Ingested, counts.Recorded, counts.Dead, counts.InProgress)
	for _, id := range counts.Waiting {
		fmt.Fprintf(e.stdout, "  in progress: %s\n", id)
	}
	out, _ := json.Marshal(counts)
	_, err = fmt.Fprintf(e.stdout, "ledger: %s\n", out)
	return err
}
