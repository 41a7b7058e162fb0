package readingroom

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// render writes tokens as [seq:text] for comparison.
func renderTokens(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		switch {
		case t.Open != nil:
			b.WriteString("[" + string(rune('0'+t.Open.Seq)))
			if !t.Open.First {
				b.WriteString("+")
			}
			b.WriteString(":")
		case t.Close:
			b.WriteString("]")
		default:
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		spans []span
		want  string
	}{
		{"none", "abc", nil, "abc"},
		{"empty text", "", []span{{Seq: 1, Start: 0, End: 1}}, ""},
		{"one", "Maria Lopez met", []span{{Seq: 1, Start: 0, End: 11}}, "[1:Maria Lopez] met"},
		{"code points, not bytes", "José Pérez — 3 kg", []span{{Seq: 1, Start: 0, End: 10}, {Seq: 2, Start: 13, End: 17}},
			"[1:José Pérez] — [2:3 kg]"},
		{"astral plane", "𝔄 Doe 🙂 Roe", []span{{Seq: 1, Start: 2, End: 5}, {Seq: 2, Start: 8, End: 11}}, "𝔄 [1:Doe] 🙂 [2:Roe]"},
		{"nested", "three kilograms of cocaine", []span{{Seq: 2, Start: 0, End: 15}, {Seq: 1, Start: 0, End: 26}},
			"[1:[2:three kilograms] of cocaine]"},
		{"crossing", "abcdef", []span{{Seq: 1, Start: 0, End: 4}, {Seq: 2, Start: 2, End: 6}},
			"[1:ab[2:cd]][2+:ef]"},
		{"same span twice", "ab", []span{{Seq: 2, Start: 0, End: 2}, {Seq: 1, Start: 0, End: 2}}, "[1:[2:ab]]"},
		{"adjacent", "abcd", []span{{Seq: 1, Start: 0, End: 2}, {Seq: 2, Start: 2, End: 4}}, "[1:ab][2:cd]"},
		{"out of range and empty left out", "abc", []span{{Seq: 1, Start: 2, End: 9}, {Seq: 2, Start: 1, End: 1}, {Seq: 3, Start: -1, End: 2}}, "abc"},
		{"markup is text", "<b>x</b>", []span{{Seq: 1, Start: 3, End: 4}}, "<b>[1:x]</b>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := renderTokens(highlight(tc.text, tc.spans))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("highlight(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// checkTokens asserts what highlight promises: the text comes back whole,
// marks are balanced, and each valid span's fragments hold its runes.
func checkTokens(t *testing.T, text string, spans []span, toks []token) {
	t.Helper()
	var all strings.Builder
	var open []*markTag
	got := map[int]string{}
	firsts := map[int]int{}
	for _, tok := range toks {
		switch {
		case tok.Open != nil:
			open = append(open, tok.Open)
			if tok.Open.First {
				firsts[tok.Open.Seq]++
			}
		case tok.Close:
			if len(open) == 0 {
				t.Fatalf("highlight(%q): unbalanced close", text)
			}
			open = open[:len(open)-1]
		default:
			all.WriteString(tok.Text)
			for _, m := range open {
				got[m.Seq] += tok.Text
			}
		}
	}
	if len(open) != 0 {
		t.Fatalf("highlight(%q): %d marks left open", text, len(open))
	}
	if all.String() != text {
		t.Fatalf("highlight(%q): text = %q", text, all.String())
	}
	runes := []rune(text)
	for _, s := range spans {
		if s.Start < 0 || s.Start >= s.End || s.End > len(runes) {
			continue
		}
		if want := string(runes[s.Start:s.End]); got[s.Seq] != want || firsts[s.Seq] != 1 {
			t.Fatalf("highlight(%q): span %d = %q (%d first fragments), want %q", text, s.Seq, got[s.Seq], firsts[s.Seq], want)
		}
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("José Pérez met 𝔄 Doe <script>", 0, 10, 4, 15, 12, 20)
	f.Add("abcdef", 0, 4, 2, 6, 1, 5)
	f.Add("ab", 0, 2, 0, 2, 0, 1)
	f.Fuzz(func(t *testing.T, text string, a0, a1, b0, b1, c0, c1 int) {
		if !utf8.ValidString(text) {
			return
		}
		spans := []span{{Seq: 0, Start: a0, End: a1}, {Seq: 1, Start: b0, End: b1}, {Seq: 2, Start: c0, End: c1}}
		checkTokens(t, text, spans, highlight(text, spans))
	})
}

func TestFTSMatch(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"murder", `"murder"`},
		{`"second degree" murder`, `"second degree" "murder"`},
		{"cocain*", `"cocain"*`},
		{`say "hi`, `"say" "hi"`},
		{`a"b`, `"a" "b"`},
		{"NEAR( AND OR - *", `"NEAR(" "AND" "OR"`},
		{`he said ""`, `"he" "said"`},
		{"Pérez", `"Pérez"`},
	} {
		if got := ftsMatch(tc.in); got != tc.want {
			t.Errorf("ftsMatch(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzFTSMatch: whatever a reader types, SQLite's FTS5 accepts the query
// it becomes.
func FuzzFTSMatch(f *testing.F) {
	for _, s := range []string{`"second degree" murder`, "NEAR(a b)", `a" OR "b`, "x*", "-", `""`, "col:value", "^start", "a AND NOT b"} {
		f.Add(s)
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE t USING fts5 (text); INSERT INTO t (text) VALUES ('the second degree murder of José')`); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q := ftsMatch(clip(in, maxQueryRunes))
		if q == "" {
			return
		}
		rows, err := db.QueryContext(ctx, `SELECT count(*) FROM t WHERE t MATCH ?`, q)
		if err != nil {
			t.Fatalf("ftsMatch(%q) = %s: %v", in, q, err)
		}
		rows.Close()
	})
}

func TestParseQuery(t *testing.T) {
	long := strings.Repeat("é", 2*maxQueryRunes)
	q := ParseQuery(map[string][]string{"q": {long + "\x00"}, "page": {"-3"}, "year": {"20201"}, "court": {" cacd "}})
	if utf8.RuneCountInString(q.Text) != maxQueryRunes || q.Page != 1 || q.Year != "2020" || q.Court != "cacd" {
		t.Errorf("ParseQuery = %d runes, page %d, year %q, court %q", utf8.RuneCountInString(q.Text), q.Page, q.Year, q.Court)
	}
	if q := ParseQuery(map[string][]string{"page": {"99999"}}); q.Page != MaxPage {
		t.Errorf("ParseQuery(page=99999).Page = %d, want %d", q.Page, MaxPage)
	}
	back := ParseQuery(Query{Text: "a b", Offense: "wire fraud", Name: `O'Malley`, Page: 3}.Values())
	if want := (Query{Text: "a b", Offense: "wire fraud", Name: `O'Malley`, Page: 3}); back != want {
		t.Errorf("ParseQuery(q.Values()) = %+v, want %+v", back, want)
	}
}
