package nertrain

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/schemas"
)

// labelled builds tokens for text from "word/LABEL" items, placing each
// word at its next occurrence.
func labelled(t *testing.T, text string, items ...string) []token {
	t.Helper()
	var toks []token
	pos := 0
	for _, it := range items {
		w, l, _ := strings.Cut(it, "/")
		i := strings.Index(text[pos:], w)
		if i < 0 {
			t.Fatalf("%q not in %q after %d", w, text, pos)
		}
		toks = append(toks, token{start: pos + i, end: pos + i + len(w), label: l})
		pos += i + len(w)
	}
	return toks
}

func TestChunk(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		items []string
		want  []string // "TYPE start:end text"
	}{
		{"B I", "Maria Lopez said", []string{"Maria/B-PERSON", "Lopez/I-PERSON", "said/O"}, []string{"PERSON 0:11 Maria Lopez"}},
		{"B B on one line is one name", "Maria Lopez said", []string{"Maria/B-PERSON", "Lopez/B-PERSON", "said/O"}, []string{"PERSON 0:11 Maria Lopez"}},
		{"B B across lines is two", "MARIA\nLOPEZ", []string{"MARIA/B-PERSON", "LOPEZ/B-PERSON"}, []string{"PERSON 0:5 MARIA", "PERSON 6:11 LOPEZ"}},
		{"I continues across a line", "Los\nAngeles", []string{"Los/B-PLACE", "Angeles/I-PLACE"}, []string{"PLACE 0:11 Los\nAngeles"}},
		{"a change of type ends a name", "Denver Lopez", []string{"Denver/B-PLACE", "Lopez/I-PERSON"}, []string{"PLACE 0:6 Denver", "PERSON 7:12 Lopez"}},
		{"punctuation at the ends is left out", "( Lopez ,", []string{"(/B-PERSON", "Lopez/I-PERSON", ",/I-PERSON"}, []string{"PERSON 2:7 Lopez"}},
		{"punctuation alone is nothing", "( ,", []string{"(/B-ORGANIZATION", ",/I-ORGANIZATION"}, nil},
		{"labels of other types are ignored", "Acme Corp", []string{"Acme/B-FACILITY", "Corp/I-GSP"}, nil},
		{"code points, not bytes", "Jose Perez", []string{"Jose/B-PERSON", "Perez/I-PERSON"}, []string{"PERSON 0:10 José Pérez"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := schemas.Page{Number: 1, Text: tt.text}
			if tt.name == "code points, not bytes" {
				page.Text = "José Pérez"
			}
			var got []string
			for _, e := range chunk(page, Fold(page.Text), labelled(t, Fold(page.Text), tt.items...)) {
				if e.Text != string([]rune(page.Text)[e.Start:e.End]) {
					t.Errorf("entity text %q is not the page's [%d:%d]", e.Text, e.Start, e.End)
				}
				got = append(got, fmt.Sprintf("%s %d:%d %s", e.Type, e.Start, e.End, e.Text))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("chunk(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestAlign(t *testing.T) {
	tests := []struct {
		text string
		toks []string
		want []token
		ok   bool
	}{
		{"Lopez's car.", []string{"Lopez", "'s", "car", "."}, []token{{0, 5, ""}, {5, 7, ""}, {8, 11, ""}, {11, 12, ""}}, true},
		{"a b", []string{"b", "a"}, nil, false},
		{"a b", []string{"a", "x"}, nil, false},
		{"Lopez'm0 b", []string{"Lopez", "b"}, nil, false},
	}
	for _, tt := range tests {
		var pt []prose.Token
		for _, s := range tt.toks {
			pt = append(pt, prose.Token{Text: s})
		}
		got, ok := align(tt.text, pt, true)
		if ok != tt.ok || !cmp.Equal(got, tt.want, cmp.AllowUnexported(token{})) {
			t.Errorf("align(%q, %q, strict) = %v, %v, want %v, %v", tt.text, tt.toks, got, ok, tt.want, tt.ok)
		}
		if got, ok := align(tt.text, pt, false); tt.text == "Lopez'm0 b" && (!ok || got[1].start != 9) {
			t.Errorf("align(%q, %q, loose) = %v, %v; want b placed at 9", tt.text, tt.toks, got, ok)
		}
	}
}

func TestFillAndByLine(t *testing.T) {
	pages := []schemas.Page{{Number: 1, Text: "Maria Lopez of Denver\nwent to Ohio with Kevin Park\nthird line Acme"}}
	e := func(typ schemas.EntityType, start, end int) schemas.Entity {
		return schemas.Entity{Type: typ, Page: 1, Start: start, End: end, Text: string([]rune(pages[0].Text)[start:end])}
	}
	rules := []schemas.Entity{e(schemas.Person, 0, 11), e(schemas.Place, 30, 34), e(schemas.Quantity, 51, 56)}
	model := []schemas.Entity{
		e(schemas.Person, 6, 11),        // inside a rules name: never added
		e(schemas.Place, 15, 21),        // untouched word on a line with a rules name
		e(schemas.Person, 40, 50),       // untouched, on a line with a rules place
		e(schemas.Organization, 62, 66), // on a line without rules names (a quantity does not count)
	}
	texts := func(ents []schemas.Entity) []string {
		var out []string
		for _, x := range ents {
			out = append(out, string(x.Type)+" "+x.Text)
		}
		return out
	}
	rulesText := texts(rules)
	wantFill := append(append([]string{}, rulesText...), "PLACE Denver", "PERSON Kevin Park", "ORGANIZATION Acme")
	if diff := cmp.Diff(wantFill, texts(Fill(rules, model))); diff != "" {
		t.Errorf("Fill (-want +got):\n%s", diff)
	}
	wantLine := append(append([]string{}, rulesText...), "ORGANIZATION Acme")
	if diff := cmp.Diff(wantLine, texts(ByLine(pages, rules, model))); diff != "" {
		t.Errorf("ByLine (-want +got):\n%s", diff)
	}
}
