package nertrain

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

func TestSaveLoad(t *testing.T) {
	m := tiny(t)
	dir := t.TempDir()
	if err := Save(m, dir); err != nil {
		t.Fatal(err)
	}
	if err := Save(m, dir); err != nil { // over an earlier model
		t.Fatalf("second Save: %v", err)
	}
	if _, err := Load(dir); err != nil {
		t.Fatal(err)
	}
	page := schemas.Page{Number: 1, Text: "The DEA said Maria Lopez left Denver for the court."}
	for _, d := range []Decoding{ProseDecoding, TrainingFeatures} {
		before, err := NewTagger(m, d)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := before.Entities(page)
		if err != nil {
			t.Fatal(err)
		}
		after, err := LoadTagger(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := after.Entities(page)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("decoding %d: loaded model tags differently (-saved +loaded):\n%s", d, diff)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load(empty dir) = nil error")
	}
	if _, err := Train("none", nil); !errors.Is(err, ErrNoContexts) {
		t.Errorf("Train(nil) = %v, want ErrNoContexts", err)
	}
}
