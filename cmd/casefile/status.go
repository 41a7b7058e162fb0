package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/casefile/casefile/pipeline"
)

type statusCmd struct {
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
	js := bus.JetStream()
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STREAM\tCONSUMER\tWAITING\tIN FLIGHT\tREDELIVERED\tDONE")
	for _, name := range []string{pipeline.StreamDocs, pipeline.StreamRecords, pipeline.StreamDLQ} {
		s, err := js.Stream(ctx, name)
		if err != nil {
			return fmt.Errorf("stream %s: %w", name, err)
		}
		lister := s.ListConsumers(ctx)
		var infos []*jetstream.ConsumerInfo
		for info := range lister.Info() {
			infos = append(infos, info)
		}
		if err := lister.Err(); err != nil {
			return fmt.Errorf("consumers of %s: %w", name, err)
		}
		sort.Slice(infos, func(i, j int) bool { return infos[i].Name < infos[j].Name })
		for _, ci := range infos {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\n", name, ci.Name, ci.NumPending, ci.NumAckPending, ci.NumRedelivered, ci.AckFloor.Stream)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	counts, err := bus.Counts(ctx)
	if err != nil {
		return err
	}
	out, _ := json.Marshal(counts)
	_, err = fmt.Fprintf(e.stdout, "\nledger: %s\n", out)
	return err
}
