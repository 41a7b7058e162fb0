package sinks

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/casefile/casefile/schemas"
)

// The database sinks store a record as one documents row, a pages row per
// page and an entities row per entity. These are the rows, built once and
// written by each store in its own way.

// stamp turns a time into a store's timestamp value: SQLite keeps RFC 3339
// text, PostgreSQL a timestamptz.
type stamp func(time.Time) any

func textStamp(t time.Time) any { return t.UTC().Format(time.RFC3339Nano) }
func timeStamp(t time.Time) any { return t.UTC() }

// documentRow is a record's documents row, in the table's column order.
func documentRow(r *schemas.Record, processedAt time.Time, version string, ts stamp) ([]any, error) {
	numbers, err := json.Marshal(orEmpty(r.Case.CaseNumbers))
	if err != nil {
		return nil, err
	}
	warnings, err := json.Marshal(orEmpty(r.Warnings))
	if err != nil {
		return nil, err
	}
	return []any{
		r.ID, r.Source, r.Document.Bytes, len(r.Pages), r.Document.ContentType, null(r.Document.Title),
		null(r.Case.Court), null(r.Case.CourtName), string(numbers), null(r.Case.Caption), null(r.Case.DocType), null(r.Case.Filed),
		string(warnings), ts(r.IngestedAt), ts(processedAt), version,
	}, nil
}

// rows are one record's rows in the three tables.
type rows struct {
	document        []any
	pages, entities [][]any
}

// recordRows builds a record's rows, stamping times with ts.
func recordRows(r *schemas.Record, processedAt time.Time, version string, ts stamp) (rows, error) {
	doc, err := documentRow(r, processedAt, version, ts)
	if err != nil {
		return rows{}, fmt.Errorf("%s: %w", r.ID, err)
	}
	out := rows{document: doc, pages: make([][]any, 0, len(r.Pages)), entities: make([][]any, 0, len(r.Entities))}
	for _, p := range r.Pages {
		out.pages = append(out.pages, pageRow(r.ID, p))
	}
	for i, e := range r.Entities {
		row, err := entityRow(r.ID, i, e)
		if err != nil {
			return rows{}, fmt.Errorf("%s: %w", r.ID, err)
		}
		out.entities = append(out.entities, row)
	}
	return out, nil
}

// documentColumns are the documents table's columns, in documentRow order.
var documentColumns = []string{"id", "source", "bytes", "pages", "content_type", "title",
	"court", "court_name", "case_numbers", "caption", "doc_type", "filed",
	"warnings", "ingested_at", "processed_at", "casefile_version"}

// pageColumns are the pages table's columns, in pageRow order.
var pageColumns = []string{"document_id", "number", "method", "text"}

func pageRow(id string, p schemas.Page) []any {
	return []any{id, p.Number, string(p.Method), p.Text}
}

// entityColumns are the entities table's columns, in entityRow order.
var entityColumns = []string{"document_id", "seq", "type", "text", "normalized", "page", "char_start", "char_end",
	"source", "kind", "value", "unit", "item", "offense", "statute", "count", "attrs"}

// entityRow spreads the typed attributes of quantities and charges over
// their columns, so they can be queried without JSON functions, and keeps
// them all, for every type, in attrs.
func entityRow(id string, seq int, e schemas.Entity) ([]any, error) {
	var kind, unit, item, offense, statute, attrs *string
	var value, count *float64
	switch a := e.Attrs.(type) {
	case *schemas.QuantityAttrs:
		kind, unit, item, value = null(a.Kind), null(a.Unit), null(a.Item), a.Value
	case *schemas.ChargeAttrs:
		offense, statute = null(a.Offense), null(a.Statute)
		if a.Count != 0 {
			count = &a.Count
		}
	}
	if e.Attrs != nil {
		data, err := json.Marshal(e.Attrs)
		if err != nil {
			return nil, fmt.Errorf("entity %d attrs: %w", seq, err)
		}
		s := string(data)
		attrs = &s
	}
	return []any{id, seq, string(e.Type), e.Text, null(e.Normalized), e.Page, e.Start, e.End,
		e.Source, kind, value, unit, item, offense, statute, count, attrs}, nil
}

// deadLetterColumns are the dead_letters table's columns, in deadLetterRow order.
var deadLetterColumns = []string{"id", "source", "stage", "reason", "message", "attempts", "at"}

func deadLetterRow(dl schemas.DeadLetter, ts stamp) []any {
	return []any{dl.ID, dl.Source, dl.Stage, string(dl.Reason), dl.Message, dl.Attempts, ts(dl.At)}
}

// null returns nil for "", so that absent values are NULL.
func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// lastByID keeps the last record of each id, in first-seen order: one
// batch may hold a record twice (a redelivery beside its first delivery).
func lastByID(recs []schemas.Record) []*schemas.Record {
	at := make(map[string]int, len(recs))
	var out []*schemas.Record
	for i := range recs {
		if k, ok := at[recs[i].ID]; ok {
			out[k] = &recs[i]
			continue
		}
		at[recs[i].ID] = len(out)
		out = append(out, &recs[i])
	}
	return out
}

// buildVersion is what the database sinks store as casefile_version when
// their Options give none: the VCS revision the binary was built from, or
// the module version.
var buildVersion = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return s.Value[:12]
		}
	}
	return bi.Main.Version
})

// countsSQL counts a database store's rows, in Counts order.
const countsSQL = `SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM pages),
	(SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM dead_letters)`

// Counts are the rows a database store holds.
type Counts struct {
	Documents, Pages, Entities, DeadLetters int64
}

// facetColumns are the doc_facets table's columns, in facetRows order.
var facetColumns = []string{"document_id", "facet", "value"}

// facetRows are the doc_facets rows a record's entities and doc entities
// give, each once: the types of its entities (etype), its charges'
// offenses (offense) and its doc entities' clusters (person, org; des are
// its doc_entities rows, as docEntityRowsOf builds them). The documents
// row's facets (court, type, year) are the documents triggers' to write.
func facetRows(r *schemas.Record, des [][]any) [][]any {
	type facet struct{ name, value string }
	seen := map[facet]bool{}
	var out [][]any
	add := func(name, value string) {
		if value == "" || seen[facet{name, value}] {
			return
		}
		seen[facet{name, value}] = true
		out = append(out, []any{r.ID, name, value})
	}
	for _, e := range r.Entities {
		add("etype", string(e.Type))
		if a, ok := e.Attrs.(*schemas.ChargeAttrs); ok && e.Type == schemas.Charge {
			add("offense", a.Offense)
		}
	}
	for _, d := range des {
		name := "org"
		if d[2] == string(schemas.Person) {
			name = "person"
		}
		add(name, d[9].(string))
	}
	return out
}

// maxParams bounds the parameters of one multi-row INSERT: SQLite's
// limit is 32766, PostgreSQL's 65535.
const maxParams = 16384

// insertRows inserts rows into table, many to a statement (see
// insertChunks): each statement costs SQLite a statement journal and,
// once FTS5 holds rows of the transaction, a flush of its pending index.
// suffix ends each statement (an ON CONFLICT clause, say).
func insertRows(ctx context.Context, tx idTx, table string, columns []string, rows [][]any, suffix string, ladder bool) error {
	start := 0
	for _, n := range insertChunks(len(rows), len(columns), ladder) {
		chunk := rows[start : start+n]
		args := make([]any, 0, len(chunk)*len(columns))
		for _, row := range chunk {
			args = append(args, row...)
		}
		if err := tx.exec(ctx, insertManySQL(table, columns, n)+suffix, args...); err != nil {
			return fmt.Errorf("%s rows %d-%d: %w", table, start, start+n-1, err)
		}
		start += n
	}
	return nil
}

// insertChunks splits n rows of columns into the row counts of the
// INSERTs that write them: as many rows to each as maxParams allows, or,
// with ladder, powers of four only (the largest first), so that a few
// statement texts serve every batch and can stay prepared: parsing a
// batch's statements afresh was a quarter of inserting its entities.
func insertChunks(n, columns int, ladder bool) []int {
	per := max(1, maxParams/columns)
	var out []int
	if !ladder {
		for ; n > 0; n -= min(n, per) {
			out = append(out, min(n, per))
		}
		return out
	}
	step := 1
	for step*4 <= per {
		step *= 4
	}
	for ; n > 0; step /= 4 {
		for ; n >= step; n -= step {
			out = append(out, step)
		}
	}
	return out
}

// insertManySQL is an INSERT of n rows of columns, "?" placeholders.
func insertManySQL(table string, columns []string, n int) string {
	row := "(" + marks(len(columns)) + ")"
	return "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
