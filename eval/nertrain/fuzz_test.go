package nertrain

import (
	"slices"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/eval"
	"github.com/casefile/casefile/schemas"
)

var (
	tinyOnce  sync.Once
	tinyModel *prose.Model
	tinyErr   error
)

// tiny returns a model trained on a few sentences, enough to label some
// words, trained once per test binary.
func tiny(t testing.TB) *prose.Model {
	tinyOnce.Do(func() {
		g := eval.Gold{Doc: "tiny", Entities: []eval.GoldEntity{
			ent("PERSON", false, "Maria Lopez", "Lopez"), ent("PLACE", false, "Denver"),
			ent("ORGANIZATION", false, "Drug Enforcement Administration", "DEA"),
		}}
		ctxs, _ := Project(g, []string{"Maria Lopez met an agent of the Drug Enforcement Administration in Denver.\n" +
			"The DEA said Lopez left Denver.\nThe court granted the motion."}, Options{MaxLines: 1})
		tinyModel, tinyErr = Train("tiny", ctxs)
	})
	if tinyErr != nil {
		t.Fatal(tinyErr)
	}
	return tinyModel
}

// FuzzTaggerEntities checks that tagging any page gives entities whose
// text is the page's code points [Start:End], of a learned type, and no
// error.
func FuzzTaggerEntities(f *testing.F) {
	f.Add("Maria Lopez met Kevin Park in Denver.")
	f.Add("  23     from the Drug\n\n  24     Enforcement Administration, DEA.")
	f.Add("José Pérez told “Ruiz” — in Bogotá &rsquo; don't $100 (Lopez)")
	f.Add("a\xffb\u00a0Lopez\tDenver\r\nDEA's")
	f.Add("")
	tagger, err := NewTagger(tiny(f), TrainingFeatures)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := schemas.Page{Number: 1, Text: text}
		ents, _, err := tagger.Entities(p)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		for _, e := range ents {
			if e.Start < 0 || e.End > len(runes) || e.Start >= e.End || e.Text != string(runes[e.Start:e.End]) {
				t.Fatalf("entity %+v does not index page %q", e, text)
			}
			if !nameType(e.Type) {
				t.Fatalf("entity of type %s", e.Type)
			}
		}
	})
}

func TestTinyModel(t *testing.T) {
	for _, d := range []Decoding{ProseDecoding, TrainingFeatures} {
		tagger, err := NewTagger(tiny(t), d)
		if err != nil {
			t.Fatal(err)
		}
		page := schemas.Page{Number: 1, Text: "The DEA said Maria Lopez left Denver."}
		ents, n, err := tagger.Entities(page)
		if err != nil || n != 8 {
			t.Fatalf("decoding %d: Entities = %v, %d tokens, %v; want 8 tokens", d, ents, n, err)
		}
		var got []string
		for _, e := range ents {
			got = append(got, string(e.Type)+" "+e.Text)
		}
		t.Logf("decoding %d: %v", d, got)
		if d == TrainingFeatures {
			want := []string{"ORGANIZATION DEA", "PERSON Maria Lopez", "PLACE Denver"}
			if !slices.Equal(got, want) {
				t.Errorf("decoding with training features: %v, want %v", got, want)
			}
		}
	}
}
