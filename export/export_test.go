package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func open(t testing.TB, spec string) *export.Store {
	t.Helper()
	s, err := export.Open(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ftm(t testing.TB, s *export.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.FtM(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func model(t testing.TB) *export.Model {
	t.Helper()
	m, err := export.LoadModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// entities decodes FtM JSON lines.
func entities(t testing.TB, data []byte) []export.Entity {
	t.Helper()
	var out []export.Entity
	for line := range bytes.Lines(data) {
		var e export.Entity
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		out = append(out, e)
	}
	return out
}

// mentionLine is how a Documentation description gives one mention.
var mentionLine = regexp.MustCompile(`^page (\d+), characters (\d+)-(\d+): (".*")$`)

// TestFtMSample exports the sample filings' store and checks every entity
// against the FollowTheMoney schema files, the counts against the store,
// and every mention's page and span against the page text.
func TestFtMSample(t *testing.T) {
	recs, err := sampleRecords()
	if err != nil {
		t.Fatal(err)
	}
	var exports [][]export.Entity
	for _, ts := range stores(t, recs) {
		t.Run(ts.name, func(t *testing.T) {
			data := ftm(t, open(t, ts.spec))
			res, err := model(t).Check(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res.Problems {
				t.Error(p)
			}
			want := map[string]int{
				"Pages":        ts.count(t, `SELECT count(*) FROM documents WHERE content_type = 'application/pdf'`),
				"Person":       ts.things(t, "PERSON"),
				"Organization": ts.things(t, "ORGANIZATION"),
				"Address":      ts.things(t, "PLACE"),
			}
			for schema, n := range want {
				if res.Schemata[schema] != n {
					t.Errorf("%d %s entities, want %d (the store's)", res.Schemata[schema], schema, n)
				}
			}
			for _, schema := range []string{"CourtCase", "CourtCaseParty", "Documentation"} {
				if res.Schemata[schema] == 0 {
					t.Errorf("no %s entities", schema)
				}
			}
			es := entities(t, data)
			exports = append(exports, es)
			checkProvenance(t, ts, es)
		})
	}
	if len(exports) == 2 {
		// PostgreSQL and SQLite give the same entities, byte for byte
		// but for JSON attributes, which FtM does not carry.
		if diff := cmp.Diff(exports[0], exports[1]); diff != "" {
			t.Errorf("sqlite and postgres exports differ (-sqlite +postgres):\n%s", diff)
		}
	}
}

// checkProvenance checks that each mention a Documentation link lists is
// the page text at its span, and that the mentions listed are the store's.
func checkProvenance(t *testing.T, ts testStore, es []export.Entity) {
	t.Helper()
	lines := 0
	for _, e := range es {
		if e.Schema != "Documentation" || e.Properties["role"][0] != "named in" {
			continue
		}
		doc := e.Properties["recordId"][0]
		for l := range strings.SplitSeq(e.Properties["description"][0], "\n") {
			m := mentionLine.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("description line %q", l)
			}
			lines++
			page, _ := strconv.Atoi(m[1])
			start, _ := strconv.Atoi(m[2])
			end, _ := strconv.Atoi(m[3])
			text, err := strconv.Unquote(m[4])
			if err != nil {
				t.Fatal(err)
			}
			var pageText string
			q := `SELECT text FROM pages WHERE document_id = ? AND number = ?`
			if ts.name == "postgres" {
				q = `SELECT text FROM pages WHERE document_id = $1 AND number = $2`
			}
			if err := ts.db.QueryRow(q, doc, page).Scan(&pageText); err != nil {
				t.Fatal(err)
			}
			if r := []rune(pageText); end > len(r) || string(r[start:end]) != text {
				t.Errorf("%s page %d [%d:%d] is not %q", doc, page, start, end, text)
			}
		}
	}
	if want := ts.count(t, `SELECT count(*) FROM entities WHERE type IN ('PERSON', 'ORGANIZATION', 'PLACE')`); lines != want {
		t.Errorf("Documentation links list %d mentions, the store holds %d", lines, want)
	}
}

// TestGolden exports a store of two fixed records (testdata/records.jsonl)
// in both formats and compares with the golden files; -update rewrites
// them. Exporting twice gives the same bytes.
func TestGolden(t *testing.T) {
	for _, ts := range stores(t, fixedRecords(t)) {
		t.Run(ts.name, func(t *testing.T) {
			s := open(t, ts.spec)
			got := ftm(t, s)
			if again := ftm(t, s); !bytes.Equal(got, again) {
				t.Error("two exports of one store differ")
			}
			golden(t, "testdata/records.ftm.golden.jsonl", got)

			dir := t.TempDir()
			if _, err := s.CSV(context.Background(), dir); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"people.csv", "organizations.csv", "places.csv", "charges.csv"} {
				data, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				golden(t, "testdata/records."+name+".golden", data)
			}
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update && strings.HasPrefix(t.Name(), "TestGolden/sqlite") {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// TestCSVSample opens every CSV file of the sample store's export with
// encoding/csv and checks its header and its row count against the store,
// and that each mention's entity_id is a row of its entity file.
func TestCSVSample(t *testing.T) {
	recs, err := sampleRecords()
	if err != nil {
		t.Fatal(err)
	}
	for _, ts := range stores(t, recs) {
		t.Run(ts.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := open(t, ts.spec).CSV(context.Background(), dir); err != nil {
				t.Fatal(err)
			}
			want := map[string]int{
				"people.csv":        ts.things(t, "PERSON"),
				"organizations.csv": ts.things(t, "ORGANIZATION"),
				"places.csv":        ts.things(t, "PLACE"),
				"mentions.csv":      ts.count(t, `SELECT count(*) FROM entities`),
				"quantities.csv":    ts.count(t, `SELECT count(*) FROM entities WHERE type = 'QUANTITY'`),
				"charges.csv":       ts.count(t, `SELECT count(*) FROM entities WHERE type = 'CHARGE'`),
			}
			ids := map[string]bool{}
			var mentions [][]string
			for name, header := range export.CSVFiles() {
				f, err := os.Open(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				rows, err := csv.NewReader(f).ReadAll()
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if len(rows) == 0 || !slices.Equal(rows[0], header) {
					t.Fatalf("%s header %v, want %v", name, rows[:min(1, len(rows))], header)
				}
				if got := len(rows) - 1; got != want[name] || got == 0 {
					t.Errorf("%s: %d rows, the store has %d", name, got, want[name])
				}
				switch name {
				case "people.csv", "organizations.csv", "places.csv":
					for _, r := range rows[1:] {
						ids[r[0]] = true
					}
				case "mentions.csv":
					mentions = rows[1:]
				}
			}
			col := slices.Index(export.CSVFiles()["mentions.csv"], "entity_id")
			for _, r := range mentions {
				if r[col] != "" && !ids[r[col]] {
					t.Errorf("mention %v: entity_id is no row of people, organizations or places", r)
				}
			}
		})
	}
}

// TestREADMEColumns holds README's Exports section to the columns written.
func TestREADMEColumns(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, cols := range export.CSVFiles() {
		want := "`" + name + "`: `" + strings.Join(cols, "`, `") + "`"
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README does not document %s as %s", name, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	notStore := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(notStore, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		spec string
		want error
	}{
		{"", export.ErrSpec},
		{"mysql://x", export.ErrSpec},
		{"sqlite:" + filepath.Join(t.TempDir(), "missing.db"), os.ErrNotExist},
		{notStore, export.ErrNotStore},
	}
	for _, tt := range tests {
		s, err := export.Open(ctx, tt.spec)
		if err == nil {
			s.Close()
		}
		if !errorsIs(err, tt.want) {
			t.Errorf("Open(%q) = %v, want %v", tt.spec, err, tt.want)
		}
	}
}
