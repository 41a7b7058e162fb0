package nertrain

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/eval"
)

func ent(typ string, optional bool, mentions ...string) eval.GoldEntity {
	return eval.GoldEntity{Type: typ, Text: mentions[0], Mentions: mentions, Optional: optional}
}

func TestProject(t *testing.T) {
	tests := []struct {
		name     string
		pages    []string
		pageSet  []int
		ents     []eval.GoldEntity
		maxLines int
		want     [][]string // per context: its folded text, then its spans
		wantSt   Stats
	}{
		{
			name:  "people and a place",
			pages: []string{"Maria Lopez met Kevin Park in Denver.\nLopez left."},
			ents: []eval.GoldEntity{ent("PERSON", false, "Maria Lopez", "Lopez"), ent("PERSON", false, "Kevin Park"),
				ent("PLACE", false, "Denver"), ent("QUANTITY", false, "five")},
			want: [][]string{{"Maria Lopez met Kevin Park in Denver.\nLopez left.",
				"PERSON 0:11 Maria Lopez", "PERSON 16:26 Kevin Park", "PLACE 30:36 Denver", "PERSON 38:43 Lopez"}},
			wantSt: Stats{Mentions: 4, Spans: 4, Contexts: 1},
		},
		{
			name:  "longest mention first, no overlap",
			pages: []string{"the Denver Police Department in Denver"},
			ents:  []eval.GoldEntity{ent("PLACE", false, "Denver"), ent("ORGANIZATION", false, "Denver Police Department")},
			want: [][]string{{"the Denver Police Department in Denver",
				"ORGANIZATION 4:28 Denver Police Department", "PLACE 32:38 Denver"}},
			wantSt: Stats{Mentions: 2, Spans: 2, Contexts: 1},
		},
		{
			name:   "whole words only; a possessive is a boundary",
			pages:  []string{"Leeds, Lee-Smith and Lee's car"},
			ents:   []eval.GoldEntity{ent("PERSON", false, "Lee")},
			want:   [][]string{{"Leeds, Lee-Smith and Lee's car", "PERSON 21:24 Lee"}},
			wantSt: Stats{Mentions: 1, Spans: 1, Contexts: 1},
		},
		{
			name:     "a mention across a blank line and a line number keeps its window whole",
			pages:    []string{"  23     from the Drug\n\n  24     Enforcement Administration, DEA.\n  25     next"},
			ents:     []eval.GoldEntity{ent("ORGANIZATION", false, "Drug Enforcement Administration", "DEA")},
			maxLines: 1,
			want: [][]string{
				{"  23     from the Drug\n\n  24     Enforcement Administration, DEA.\n",
					"ORGANIZATION 18:59 Drug\n\n  24     Enforcement Administration", "ORGANIZATION 61:64 DEA"},
				{"  25     next"},
			},
			wantSt: Stats{Mentions: 2, Spans: 2, Contexts: 2},
		},
		{
			name:     "a window with an optional mention is dropped",
			pages:    []string{"the Reagan administration\nPresident Reagan spoke"},
			ents:     []eval.GoldEntity{ent("ORGANIZATION", true, "Reagan administration"), ent("PERSON", false, "Reagan")},
			maxLines: 1,
			want:     [][]string{{"President Reagan spoke", "PERSON 10:16 Reagan"}},
			wantSt:   Stats{Mentions: 1, Spans: 1, Contexts: 1, Blocked: 1},
		},
		{
			name:     "a string of two types is blocked",
			pages:    []string{"Washington said\nin Seattle"},
			ents:     []eval.GoldEntity{ent("PERSON", false, "Washington"), ent("PLACE", false, "Washington"), ent("PLACE", false, "Seattle")},
			maxLines: 1,
			want:     [][]string{{"in Seattle", "PLACE 3:10 Seattle"}},
			wantSt:   Stats{Mentions: 1, Spans: 1, Contexts: 1, Blocked: 1},
		},
		{
			name:   "offsets in code points, text folded to ASCII",
			pages:  []string{"José Pérez told “Ruiz” — in Bogotá"},
			ents:   []eval.GoldEntity{ent("PERSON", false, "José Pérez"), ent("PERSON", false, "Ruiz"), ent("PLACE", false, "Bogotá")},
			want:   [][]string{{`Jose Perez told "Ruiz" - in Bogota`, "PERSON 0:10 Jose Perez", "PERSON 17:21 Ruiz", "PLACE 28:34 Bogota"}},
			wantSt: Stats{Mentions: 3, Spans: 3, Contexts: 1},
		},
		{
			name:    "only the annotated pages",
			pages:   []string{"Lopez on page one", "Lopez on page two", "Lopez on page three"},
			pageSet: []int{2, 2},
			ents:    []eval.GoldEntity{ent("PERSON", false, "Lopez")},
			want:    [][]string{{"Lopez on page two", "PERSON 0:5 Lopez"}},
			wantSt:  Stats{Mentions: 1, Spans: 1, Contexts: 1},
		},
		{
			name:   "a span inside a prose token is dropped with its window",
			pages:  []string{"Lopez/Smith"},
			ents:   []eval.GoldEntity{ent("PERSON", false, "Lopez")},
			wantSt: Stats{Mentions: 1, Misaligned: 1},
		},
		{
			name:   "a window where prose drops text is not taught",
			pages:  []string{"Lopez'm0 Lopez"},
			ents:   []eval.GoldEntity{ent("PERSON", false, "Lopez")},
			wantSt: Stats{Mentions: 1, Misaligned: 1},
		},
		{
			name:   "a mention not in the text",
			pages:  []string{"nothing here"},
			ents:   []eval.GoldEntity{ent("PLACE", false, "Ohio")},
			want:   [][]string{{"nothing here"}},
			wantSt: Stats{Mentions: 1, NotFound: 1, Contexts: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := eval.Gold{Doc: "doc", Pages: tt.pageSet, Entities: tt.ents}
			ctxs, st := Project(g, tt.pages, Options{MaxLines: tt.maxLines})
			var got [][]string
			for _, c := range ctxs {
				row := []string{c.Text}
				for _, s := range c.Spans {
					row = append(row, fmt.Sprintf("%s %d:%d %s", s.Label, s.Start, s.End, c.Text[s.Start:s.End]))
				}
				got = append(got, row)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Project contexts (-want +got):\n%s", diff)
			}
			if st != tt.wantSt {
				t.Errorf("Project stats = %+v, want %+v", st, tt.wantSt)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"“Ruiz’s” — §\u00a01", `"Ruiz's" - ?` + " 1"},
		{"Ærøskøbing Δ", "Xrxskxbing X"},
		{"\xff", "?"},
		{"x&rsquo;s", "x?rsquo;s"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("Fold(%q) has %d bytes, want one per code point (%d)", tt.in, len(got), utf8.RuneCountInString(tt.in))
		}
	}
}

// FuzzProject checks, for any page text and mention, that Project's spans
// index the folded context exactly and stand for the mention there.
func FuzzProject(f *testing.F) {
	f.Add("Maria Lopez met Kevin Park in Denver.", "Lopez")
	f.Add("  23     from the Drug\n\n  24     Enforcement Administration, DEA.", "Drug Enforcement Administration")
	f.Add("José Pérez told “Ruiz” — in Bogotá", "José Pérez")
	f.Add("Lopez/Smith\n\nLopez's", "Lopez")
	f.Add("a\xffb Lee\u00a0Lee", "Lee Lee")
	f.Fuzz(func(t *testing.T, page, m string) {
		if strings.TrimSpace(m) == "" {
			return
		}
		g := eval.Gold{Doc: "doc", Entities: []eval.GoldEntity{ent("PERSON", false, m)}}
		ctxs, st := Project(g, []string{page}, Options{MaxLines: 2})
		want := Fold(strings.Join(strings.Fields(m), " "))
		for _, c := range ctxs {
			for _, s := range c.Spans {
				if s.Start < 0 || s.End > len(c.Text) || s.Start >= s.End {
					t.Fatalf("span %d:%d out of context %q", s.Start, s.End, c.Text)
				}
				got := c.Text[s.Start:s.End]
				if !strings.HasPrefix(got, strings.Fields(want)[0]) || !strings.HasSuffix(got, lastField(want)) {
					t.Fatalf("span %q does not stand for mention %q", got, m)
				}
			}
		}
		if st.Spans < 0 || st.Contexts != len(ctxs) {
			t.Fatalf("stats %+v for %d contexts", st, len(ctxs))
		}
	})
}

func lastField(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}
