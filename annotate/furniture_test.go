package annotate

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/internal/corpustest"

	"github.com/casefile/casefile/schemas"
)

func TestLineNumbers(t *testing.T) {
	var pleading strings.Builder
	for n := 1; n <= 12; n++ {
		fmt.Fprintf(&pleading, "%d text of line %d\n", n, n)
	}
	tests := []struct {
		name, text string
		want       int
	}{
		{"pleading paper", pleading.String(), 12},
		{"a numbered list", "1 first\n2 second\n3 third\n", 0},
		{"an address", "1776 Broadway\n40 Foley Square\n", 0},
	}
	for _, tt := range tests {
		if got := lineNumbers(tt.text); len(got) != tt.want {
			t.Errorf("%s: %d line numbers, want %d", tt.name, len(got), tt.want)
		}
	}
	got := lineNumbers(pleading.String())
	if s := pleading.String()[got[9].start:got[9].end]; s != "10" {
		t.Errorf("10th line number spans %q", s)
	}
}

func TestStampLines(t *testing.T) {
	text := "Case 2:14-cr-00648-CAS Document 1107 Filed 03/05/19 Page 2 of 130 Page ID #:7057\n2 THE COURT: Good morning.\n"
	got := stampLines(text)
	if len(got) != 1 || text[got[0].start:got[0].end] != strings.SplitN(text, "\n", 2)[0] {
		t.Errorf("stampLines = %+v, want the whole first line", got)
	}
}

func TestRunningLines(t *testing.T) {
	page := func(n int, body string) schemas.Page {
		return schemas.Page{Number: n, Text: fmt.Sprintf("Gildernew v. Gantner\n%s\n%s\nPage %d of 4\nSHARON A. SEFFENS, U.S. DISTRICT COURT REPORTER\n", body, body, n)}
	}
	pages := []schemas.Page{page(1, "UNITED STATES DISTRICT COURT"), page(2, "The court said"), page(3, "Argument"), page(4, "Mr. Smith")}
	spans := runningLines(pages)
	for i, p := range pages {
		var got []string
		for _, s := range spans[i] {
			got = append(got, p.Text[s.start:s.end])
		}
		want := []string{"Gildernew v. Gantner", fmt.Sprintf("Page %d of 4", i+1), "SHARON A. SEFFENS, U.S. DISTRICT COURT REPORTER"}
		if i == 0 {
			want = nil // read once, where they first appear
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("page %d: running lines %q, want %q", i+1, got, want)
		}
	}
	if got := runningLines(pages[:2]); len(got[0]) != 0 {
		t.Errorf("two pages: running lines %v, want none", got)
	}
}

// furnitureEntities counts, by type, the entities read from furniture:
// touching a stamp or running head, or beginning or ending in a line
// number. A name running over a line break past a line number is the
// body's.
func furnitureEntities(pages []schemas.Page, ents []schemas.Entity) (map[schemas.EntityType]int, []string) {
	hard, numbers := furniture(pages)
	byNumber := map[int]int{}
	for i, p := range pages {
		byNumber[p.Number] = i
	}
	counts := map[schemas.EntityType]int{}
	var texts []string
	for _, e := range ents {
		if e.Type == schemas.CaseNumber || e.Type == schemas.Date {
			continue // read off the stamps on purpose: the filing's own number and date
		}
		i := byNumber[e.Page]
		toRune := textscan.ByteToRune(pages[i].Text)
		in := func(s byteSpan, at int) bool { return toRune.At(s.start) <= at && at < toRune.At(s.end) }
		read := false
		for _, s := range hard[i] {
			read = read || toRune.At(s.start) < e.End && e.Start < toRune.At(s.end)
		}
		for _, s := range numbers[i] {
			read = read || in(s, e.Start) || in(s, e.End-1)
		}
		if read {
			counts[e.Type]++
			texts = append(texts, string(e.Type)+" "+strings.Join(strings.Fields(e.Text), " "))
		}
	}
	return counts, texts
}

var namedTypes = []schemas.EntityType{schemas.Person, schemas.Place, schemas.Organization}

// TestFurnitureNotRead annotates a stamped, line-numbered transcript with
// and without blanking its furniture: blanked, no name touches it, and the
// names of the body are all still found.
func TestFurnitureNotRead(t *testing.T) {
	m, err := LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	pages := corpustest.TextLayer(t, "../testdata/pdfs/cacd-us-v-singh-transcript-truncated.pdf")
	read := &Annotator{models: m, keepFurniture: true}
	blanked := NewAnnotator(m)
	beforeAnn, err := read.Annotate(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	afterAnn, err := blanked.Annotate(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	before, after := beforeAnn.Entities, afterAnn.Entities
	if err := schemas.CheckSpans(&schemas.Record{Pages: pages, Entities: after}); err != nil {
		t.Fatal(err)
	}
	nb, textsBefore := furnitureEntities(pages, before)
	na, textsAfter := furnitureEntities(pages, after)
	named := func(c map[schemas.EntityType]int) (n int) {
		for _, typ := range namedTypes {
			n += c[typ]
		}
		return n
	}
	if named(nb) == 0 {
		t.Fatalf("no names in furniture when read as text: the test shows nothing (%q)", textsBefore)
	}
	if named(na) != 0 {
		t.Errorf("names in furniture after blanking: %q", textsAfter)
	}
	found := map[string]bool{}
	for _, e := range after {
		found[string(e.Type)+" "+e.Text] = true
	}
	for _, want := range []string{"PERSON CHRISTINA A. SNYDER", "PERSON LAURA MILLER ELIAS"} {
		if !found[want] {
			t.Errorf("%s not found after blanking furniture", want)
		}
	}
}

// TestFurnitureCorpus reports what blanking furniture removes over the
// text-layer corpus: go test -run FurnitureCorpus -v ./annotate
func TestFurnitureCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	var names []string
	for _, f := range corpustest.Files(t) {
		if f.Kind == "text" {
			names = append(names, f.Name)
		}
	}
	m, err := LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	read := &Annotator{models: m, keepFurniture: true}
	blanked := NewAnnotator(m)
	total := map[string]map[schemas.EntityType]int{"read": {}, "blanked": {}, "read, in furniture": {}, "blanked, in furniture": {}}
	removed := map[string]int{}
	for _, name := range names {
		pages := corpustest.TextLayer(t, corpustest.PDF(t, name))
		for _, run := range []struct {
			label string
			a     *Annotator
		}{{"read", read}, {"blanked", blanked}} {
			ann, err := run.a.Annotate(context.Background(), pages)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, e := range ann.Entities {
				total[run.label][e.Type]++
			}
			in, texts := furnitureEntities(pages, ann.Entities)
			for typ, n := range in {
				total[run.label+", in furniture"][typ] += n
			}
			if run.label == "read" {
				for _, s := range texts {
					removed[s]++
				}
			}
		}
	}
	for _, label := range []string{"read", "blanked", "read, in furniture", "blanked, in furniture"} {
		var parts []string
		for _, typ := range []schemas.EntityType{schemas.Person, schemas.Place, schemas.Organization, schemas.Quantity, schemas.Charge} {
			parts = append(parts, fmt.Sprintf("%s %d", typ, total[label][typ]))
		}
		t.Logf("%-22s %s", label+":", strings.Join(parts, ", "))
	}
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range removed {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	for _, e := range top[:min(25, len(top))] {
		t.Logf("removed %4d× %s", e.v, e.k)
	}
	for _, typ := range namedTypes {
		if n := total["blanked, in furniture"][typ]; n != 0 {
			t.Errorf("%d %s entities in furniture after blanking", n, typ)
		}
	}
}
