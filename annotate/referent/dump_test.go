package referent_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/annotate"
	"github.com/casefile/casefile/schemas"
)

// TestDump writes the records of the corpus texts named in
// CASEFILE_REFERENT_DUMP (a file listing paths) into the directory
// CASEFILE_REFERENT_OUT, to read what the grouping rules do over the
// corpus. It runs only when asked.
func TestDump(t *testing.T) {
	list, out := os.Getenv("CASEFILE_REFERENT_DUMP"), os.Getenv("CASEFILE_REFERENT_OUT")
	if list == "" || out == "" {
		t.Skip("CASEFILE_REFERENT_DUMP and CASEFILE_REFERENT_OUT not set")
	}
	names, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	models, err := annotate.LoadModels()
	if err != nil {
		t.Fatal(err)
	}
	a := annotate.NewAnnotator(models)
	for _, path := range strings.Fields(string(names)) {
		rec := annotateFile(t, a, path)
		data, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".json"
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// annotateFile reads a text whose pages are separated by form feeds and
// returns its record.
func annotateFile(t *testing.T, a *annotate.Annotator, path string) schemas.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pages []schemas.Page
	for i, p := range strings.Split(string(data), "\f") {
		pages = append(pages, schemas.Page{Number: i + 1, Method: schemas.MethodText, Text: p})
	}
	ann, err := a.Annotate(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	return schemas.Record{Source: path, Pages: pages, Entities: ann.Entities, DocEntities: ann.DocEntities}
}
