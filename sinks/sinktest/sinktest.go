// Package sinktest is the conformance suite every record store passes:
// idempotent writes by record id, replay after reopening, concurrent
// writers, a torn tail left by a crash, and a closed store. A store's test
// calls [Run] with a [Config] that opens the store under test.
package sinktest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// Config describes the store under test.
type Config struct {
	// Open opens the store; called again after Close it must reopen the
	// same store, with what was written before.
	Open func(t *testing.T) sinks.Sink
	// Count returns how many records and entities the store holds.
	Count func(t *testing.T) (records, entities int)
	// Replaces is true for stores where writing a record id again replaces
	// the stored record (databases), false where the first is kept (JSONL).
	Replaces bool
	// Tear, if not nil, damages the closed store as a crash in the middle
	// of a write would (half a line, say); the store must open and go on.
	Tear func(t *testing.T)
	// Identity, if not nil, returns how many doc entities and clusters the
	// store holds (databases, which resolve who is who as they write).
	Identity func(t *testing.T) (docEntities, clusters int)
}

// Record returns a valid record numbered n with k entities of the types
// and attributes casefile writes, and one doc entity, Jane Doe, grouping
// its people and tied to its charges and quantities. Every record carries
// one case number, so the Jane Does of all records are one cluster.
func Record(n, k int) schemas.Record {
	var b strings.Builder
	var ents []schemas.Entity
	jane := schemas.DocEntity{ID: "p1", Type: schemas.Person, Name: "Jane Doe", Key: "doe jane"}
	for i := range k {
		start := b.Len()
		var e schemas.Entity
		switch i % 4 {
		case 0:
			b.WriteString("Jane Doe")
			e = schemas.Entity{Type: schemas.Person}
		case 1:
			b.WriteString("3 kilograms of cocaine")
			e = schemas.Entity{Type: schemas.Quantity, Attrs: &schemas.QuantityAttrs{
				Kind: schemas.KindMass, Value: schemas.Number(3), Unit: "kg", Item: "cocaine"}}
		case 2:
			b.WriteString("18 U.S.C. § 1962(d)")
			e = schemas.Entity{Type: schemas.Charge, Attrs: &schemas.ChargeAttrs{
				Offense: "racketeering conspiracy", Statute: "18 U.S.C. § 1962(d)", Count: 1}}
		case 3:
			b.WriteString("life")
			e = schemas.Entity{Type: schemas.Quantity, Attrs: &schemas.QuantityAttrs{Kind: schemas.KindDuration, Unit: schemas.UnitLife}}
		}
		text := b.String()[start:]
		e.Text, e.Page, e.Source = text, 1, schemas.SourceRule
		e.Start = len([]rune(b.String()[:start]))
		e.End = e.Start + len([]rune(text))
		e.Normalized = text
		switch e.Type {
		case schemas.Person:
			jane.Mentions = append(jane.Mentions, len(ents))
		case schemas.Charge:
			jane.Charges = append(jane.Charges, len(ents))
		case schemas.Quantity:
			jane.Quantities = append(jane.Quantities, len(ents))
		}
		ents = append(ents, e)
		b.WriteString(". ")
	}
	var docEnts []schemas.DocEntity
	if len(jane.Mentions) > 0 {
		docEnts = []schemas.DocEntity{jane}
	}
	return schemas.Record{
		DocEntities: docEnts,
		Schema:      schemas.RecordSchemaID, ID: fmt.Sprintf("%064x", n), Source: fmt.Sprintf("dump/%d.pdf", n),
		IngestedAt: time.Date(2026, 12, 3, 0, 0, n%60, 0, time.UTC),
		Document:   schemas.Document{Bytes: int64(1000 + n), Pages: 2, ContentType: schemas.ContentPDF},
		Case:       schemas.Case{Court: "cacd", CaseNumbers: []string{"2:20-cr-00123"}, DocType: "indictment"},
		Pages: []schemas.Page{
			{Number: 1, Method: schemas.MethodText, Text: b.String()},
			{Number: 2, Method: schemas.MethodNone, Text: ""},
		},
		Entities: ents,
		Warnings: []string{},
	}
}

// Run runs the suite.
func Run(t *testing.T, cfg Config) {
	ctx := context.Background()
	write := func(t *testing.T, s sinks.Sink, recs ...schemas.Record) {
		t.Helper()
		if err := s.Write(ctx, recs...); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	want := func(t *testing.T, records, entities int) {
		t.Helper()
		if r, e := cfg.Count(t); r != records || e != entities {
			t.Fatalf("store holds %d records and %d entities, want %d and %d", r, e, records, entities)
		}
	}

	wantWho := func(t *testing.T, docEntities, clusters int) {
		t.Helper()
		if cfg.Identity == nil {
			return
		}
		if d, c := cfg.Identity(t); d != docEntities || c != clusters {
			t.Fatalf("store holds %d doc entities in %d clusters, want %d in %d", d, c, docEntities, clusters)
		}
	}

	t.Run("IdempotentUpsert", func(t *testing.T) {
		s := cfg.Open(t)
		defer s.Close(ctx)
		write(t, s, Record(1, 4), Record(2, 3))
		want(t, 2, 7)
		wantWho(t, 2, 1)
		write(t, s, Record(1, 4), Record(2, 3))
		want(t, 2, 7)
		wantWho(t, 2, 1)
		// One batch holding a record twice, as a redelivery beside its
		// first delivery does.
		write(t, s, Record(3, 2), Record(3, 2))
		want(t, 3, 9)
		wantWho(t, 3, 1)
		// The same id with other content: databases hold the new one.
		write(t, s, Record(1, 1))
		if cfg.Replaces {
			want(t, 3, 6)
		} else {
			want(t, 3, 9)
		}
		wantWho(t, 3, 1)
	})

	t.Run("Replay", func(t *testing.T) {
		s := cfg.Open(t)
		var recs []schemas.Record
		for n := 10; n < 30; n++ {
			recs = append(recs, Record(n, 5))
		}
		write(t, s, recs...)
		r0, e0 := cfg.Count(t)
		var d0, c0 int
		if cfg.Identity != nil {
			d0, c0 = cfg.Identity(t)
		}
		if err := s.Close(ctx); err != nil {
			t.Fatal(err)
		}
		// A new consumer replays the whole stream, in another order.
		s = cfg.Open(t)
		defer s.Close(ctx)
		for i := len(recs) - 1; i >= 0; i -= 3 {
			write(t, s, recs[max(0, i-2):i+1]...)
		}
		want(t, r0, e0)
		wantWho(t, d0, c0)
	})

	t.Run("ConcurrentWriters", func(t *testing.T) {
		s := cfg.Open(t)
		defer s.Close(ctx)
		r0, e0 := cfg.Count(t)
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for w := range 4 {
			wg.Go(func() {
				// Writers overlap: each record is written by two of them.
				for n := 100 + w*5; n < 100+w*5+10; n++ {
					if err := s.Write(ctx, Record(n, 2)); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("concurrent Write: %v", err)
		}
		want(t, r0+25, e0+50)
	})

	t.Run("TornTail", func(t *testing.T) {
		if cfg.Tear == nil {
			t.Skip("the store has no tail a crash can tear: a transaction commits whole or not at all")
		}
		s := cfg.Open(t)
		write(t, s, Record(200, 3))
		r0, e0 := cfg.Count(t)
		s.Close(ctx)
		cfg.Tear(t)
		s = cfg.Open(t)
		defer s.Close(ctx)
		write(t, s, Record(201, 3), Record(200, 3))
		want(t, r0+1, e0+3)
	})

	t.Run("ClosedStore", func(t *testing.T) {
		s := cfg.Open(t)
		if err := s.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, Record(300, 1)); err == nil {
			t.Fatal("Write on a closed store returned nil: the record would be acked and lost")
		}
	})
}
