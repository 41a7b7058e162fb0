package readingroom

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/identity"
	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

// clusterOf returns the cluster of the doc entity named name (the first,
// by id) in the store.
func clusterOf(tb testing.TB, st *Store, name string) string {
	tb.Helper()
	var id string
	if err := st.queryRow(context.Background(), `SELECT cluster_id FROM doc_entities WHERE name = ? ORDER BY cluster_id LIMIT 1`, name).Scan(&id); err != nil {
		tb.Fatalf("cluster of %q: %v", name, err)
	}
	return id
}

// clusterCases are the requests of the who-is-who pages over the sample
// store: cluster ids are the same in every store the samples are
// written to.
func clusterCases(recs map[string]schemas.Record, avenatti, omalley, wells string) []pageCase {
	notice, related, release := recs[avenattiNotice].ID, recs[avenattiRelated].ID, recs[pressRelease].ID
	return []pageCase{
		{name: "cluster", path: "/entity/" + avenatti, status: 200,
			want: []string{"Michael John Avenatti", "in 3 filings", "2 charges tied to it", avenattiNotice, avenattiRelated,
				// each mention quoted, linked to its span in the document view
				`<mark class="ent t-PERSON">MICHAEL JOHN AVENATTI</mark> NOTICE OF MANUAL FILING`,
				`href="/doc/` + related + `#e-4"`,
				// the charges the text ties to him, and a search of them
				"Charges tied to it", "wire fraud", "18 U.S.C. § 1343",
				`href="/search?offense=wire&#43;fraud&amp;who=` + avenatti + `"`,
				// who else his filings name
				"People in the same filings", `href="/entity/` + omalley + `"`, "John O&#39;Malley",
				"Organizations in the same filings", "United States District Court",
				`href="/search?who=` + avenatti + `"`},
			not: []string{"Quantities tied to it"}},
		{name: "cluster with an alias", path: "/entity/" + wells, status: 200,
			want: []string{"Taury Wells", "Also named:</strong> <q>Wellz</q>", "As <q>Taury Wells</q>, a/k/a <q>Wellz</q>", pressRelease}},
		{name: "cluster of a hostile filing", path: "/entity/" + omalley, status: 200,
			want: []string{"John O&#39;Malley", "hostile-&#34;&lt;img"}},
		{name: "unknown cluster", path: "/entity/p-0000000000000000", status: 404},
		{name: "not a cluster id", path: "/entity/" + url.PathEscape(`p-1'; DROP TABLE clusters`), status: 404},
		{name: "far page of a cluster", path: "/entity/" + avenatti + "?page=9", status: 200, want: []string{"← Previous"}},
		{name: "search by cluster", path: "/search?" + url.Values{"q": {"notice"}, "who": {avenatti}}.Encode(), status: 200,
			want: []string{avenattiNotice, avenattiRelated, "Michael John Avenatti <a"}, not: []string{pressRelease}},
		{name: "cluster facet", path: "/search?q=fraud", status: 200,
			want: []string{"Names a person or organization", `who=` + avenatti, "Michael John Avenatti</a>", "United States District Court (org)"}},
		{name: "filter by an unknown cluster", path: "/search?who=p-0", status: 200, want: []string{"0 filings"}},
		{name: "document lists doc entities", path: "/doc/" + related, status: 200,
			want: []string{`<a class="name" href="/entity/` + avenatti + `">Michael John Avenatti</a> <span class="count">×3</span>`,
				`data-entity="/entity/` + avenatti + `"`}},
		{name: "document lists aliases", path: "/doc/" + release, status: 200,
			want: []string{`href="/entity/` + wells + `">Taury Wells</a> <span class="aka">a/k/a <q>Wellz</q></span>`}},
		{name: "name page leads to its cluster", path: "/entity?type=PERSON&name=" + url.QueryEscape("Michael John Avenatti"), status: 200,
			want: []string{"Who is who", `href="/entity/` + avenatti + `"`}},
		{name: "notice names him", path: "/doc/" + notice, status: 200, want: []string{`href="/entity/` + avenatti + `"`}},
	}
}

func TestClusterPagesSQLite(t *testing.T) {
	db, recs := sampleStore(t)
	st, srv := serveStore(t, "sqlite:"+db)
	if !st.HasIdentity() || !st.facetTable {
		t.Fatalf("sample store: identity %v, facets %v; want both", st.HasIdentity(), st.facetTable)
	}
	cases := clusterCases(recs, clusterOf(t, st, "Michael John Avenatti"), clusterOf(t, st, "John O'Malley"), clusterOf(t, st, "Taury Wells"))
	checkCases(t, srv.URL, cases)
	checkFacetRows(t, st)
}

func TestClusterPagesPostgres(t *testing.T) {
	dsn := pgtest.Database(t)
	db, recs := sampleStore(t)
	lite, _ := serveStore(t, "sqlite:"+db)
	dir := t.TempDir()
	d, err := dump(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := runPipeline(context.Background(), sample.bin, filepath.Join(dir, "data"), d, dsn); err != nil {
		t.Fatal(err)
	}
	st, srv := serveStore(t, dsn)
	avenatti := clusterOf(t, lite, "Michael John Avenatti")
	if got := clusterOf(t, st, "Michael John Avenatti"); got != avenatti {
		t.Fatalf("PostgreSQL cluster %s, SQLite %s: ids are not stable", got, avenatti)
	}
	checkCases(t, srv.URL, clusterCases(recs, avenatti, clusterOf(t, lite, "John O'Malley"), clusterOf(t, lite, "Taury Wells")))
	checkFacetRows(t, st)
}

// facetSQL derives every doc_facets row from the tables the triggers
// watch, as migration 0003 fills them.
const facetSQL = `SELECT id, 'court', court FROM documents WHERE court <> ''
UNION SELECT id, 'type', doc_type FROM documents WHERE doc_type <> ''
UNION SELECT id, 'year', substr(filed, 1, 4) FROM documents WHERE filed <> ''
UNION SELECT document_id, 'etype', type FROM entities
UNION SELECT document_id, 'offense', offense FROM entities WHERE type = 'CHARGE' AND offense <> ''
UNION SELECT document_id, CASE type WHEN 'PERSON' THEN 'person' ELSE 'org' END, cluster_id FROM doc_entities`

func facetSet(tb testing.TB, st *Store, q string) []string {
	tb.Helper()
	rows, err := st.query(context.Background(), q)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d, f, v string
		if err := rows.Scan(&d, &f, &v); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d[:12]+" "+f+" "+v)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// checkFacetRows: the triggers' doc_facets rows are exactly those the
// tables give.
func checkFacetRows(t *testing.T, st *Store) {
	t.Helper()
	want := facetSet(t, st, facetSQL)
	got := facetSet(t, st, `SELECT document_id, facet, value FROM doc_facets`)
	if len(want) == 0 {
		t.Fatal("no facet rows derived")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("doc_facets differ from the rows the tables give (-want +got):\n%s", diff)
	}
}

// TestFacetRowsInStep writes the sample records through the real sinks,
// rewrites them in another order and batching, merges two clusters by a
// judgement and splits one: after each, doc_facets is what the tables
// give (insert, replace and cluster-change triggers).
func TestFacetRowsInStep(t *testing.T) {
	_, byName := sampleStore(t)
	var recs []schemas.Record
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range byName {
			if !yield(k) {
				return
			}
		}
	}) {
		recs = append(recs, byName[name])
	}
	type judge interface {
		Write(context.Context, ...schemas.Record) error
		Judge(context.Context, identity.Judgement) error
		Close(context.Context) error
	}
	stores := []struct {
		name string
		open func(t *testing.T) (judge, string)
	}{
		{"sqlite", func(t *testing.T) (judge, string) {
			path := filepath.Join(t.TempDir(), "s.db")
			s, err := sinks.OpenSQLite(context.Background(), path, sinks.Options{Judgements: filepath.Join(t.TempDir(), "j.jsonl")})
			if err != nil {
				t.Fatal(err)
			}
			return s, "sqlite:" + path
		}},
		{"postgres", func(t *testing.T) (judge, string) {
			dsn := pgtest.Database(t)
			s, err := sinks.OpenPostgres(context.Background(), dsn, sinks.Options{Judgements: filepath.Join(t.TempDir(), "j.jsonl")})
			if err != nil {
				t.Fatal(err)
			}
			return s, dsn
		}},
	}
	for _, tc := range stores {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			w, spec := tc.open(t)
			defer w.Close(ctx)
			st, _ := serveStore(t, spec)
			step := func(what string) {
				t.Helper()
				want := facetSet(t, st, facetSQL)
				got := facetSet(t, st, `SELECT document_id, facet, value FROM doc_facets`)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("after %s, doc_facets differ (-want +got):\n%s", what, diff)
				}
			}
			if err := w.Write(ctx, recs...); err != nil {
				t.Fatal(err)
			}
			step("the first write")
			rev := slices.Clone(recs)
			slices.Reverse(rev)
			for i := 0; i < len(rev); i += 2 {
				if err := w.Write(ctx, rev[i:min(i+2, len(rev))]...); err != nil {
					t.Fatal(err)
				}
			}
			step("a rewrite in pairs")

			member := func(name string) string {
				var m string
				if err := st.queryRow(ctx, `SELECT member FROM doc_entities WHERE name = ? ORDER BY member LIMIT 1`, name).Scan(&m); err != nil {
					t.Fatalf("member %q: %v", name, err)
				}
				return m
			}
			a, b := member("Michael John Avenatti"), member("John O'Malley")
			if err := w.Judge(ctx, identity.Judgement{Op: identity.Merge, Members: []string{a, b}, Note: "test"}); err != nil {
				t.Fatal(err)
			}
			if n := len(facetSet(t, st, `SELECT document_id, facet, value FROM doc_facets WHERE value = '`+clusterOf(t, st, "John O'Malley")+`'`)); n != 3 {
				t.Errorf("after the merge, the merged cluster is a facet of %d filings, want 3", n)
			}
			step("a merge")
			if err := w.Judge(ctx, identity.Judgement{Op: identity.Split, Members: []string{b}, Note: "test"}); err != nil {
				t.Fatal(err)
			}
			step("a split")
			if err := w.Write(ctx, recs[0]); err != nil {
				t.Fatal(err)
			}
			step("one record rewritten")
		})
	}
}

// TestStoreWithoutIdentity: a store written before the who-is-who and
// facet tables (here: a copy of the sample store with them dropped) is
// read as before: entity pages by normalized name, facets from entities.
func TestStoreWithoutIdentity(t *testing.T) {
	db, recs := sampleStore(t)
	old := filepath.Join(t.TempDir(), "old.db")
	if err := copyFile(db, old); err != nil {
		t.Fatal(err)
	}
	w, err := sql.Open("sqlite", "file:"+old)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE doc_facets`, `DROP TABLE doc_entity_mentions`, `DROP TABLE doc_entity_ties`,
		`DROP TABLE doc_entities`, `DROP TABLE clusters`, `DROP TABLE judgements`, `DELETE FROM schema_migrations WHERE version > 1`} {
		if _, err := w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	w.Close()
	st, srv := serveStore(t, "sqlite:"+old)
	if st.HasIdentity() || st.facetTable {
		t.Fatalf("old store: identity %v, facets %v; want neither", st.HasIdentity(), st.facetTable)
	}
	checkPages(t, srv.URL, recs)
	checkCases(t, srv.URL, []pageCase{
		{name: "side list by name", path: "/doc/" + recs[avenattiRelated].ID, status: 200,
			want: []string{`<a class="name" href="/entity?name=`, `data-entity="/entity?name=`}, not: []string{`href="/entity/`}},
		{name: "name facet", path: "/search?q=fraud", status: 200,
			want: []string{"Names (as written)", "name=Michael&#43;John&#43;Avenatti"}, not: []string{"who="}},
		{name: "no cluster pages", path: "/entity/p-381d429ca5110a0f", status: 404},
		{name: "cluster filter names nothing", path: "/search?who=p-381d429ca5110a0f", status: 200, want: []string{"0 filings"}},
	})
}

// checkCases runs page cases as checkPages does.
func checkCases(t *testing.T, base string, cases []pageCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := get(t, base, tc.path)
			if status != tc.status {
				t.Fatalf("GET %s = %d, want %d\n%.3000s", tc.path, status, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: body lacks %q", tc.path, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(body, n) {
					t.Errorf("GET %s: body holds %q", tc.path, n)
				}
			}
		})
	}
}

func TestCutSnippet(t *testing.T) {
	for _, tc := range []struct {
		name              string
		page              string
		start, end        int
		before, text, aft string
	}{
		{"at the start", "Doe met Roe", 0, 3, "", "Doe", " met Roe"},
		{"inside", "Doe met Roe", 8, 11, "Doe met ", "Roe", ""},
		{"code points", "Zoë Ünal Señor", 4, 8, "Zoë ", "Ünal", " Señor"},
		{"long context", strings.Repeat("x", 100) + "Doe" + strings.Repeat("y", 100), 100, 103,
			strings.Repeat("x", snippetContext), "Doe", strings.Repeat("y", snippetContext)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, x, a := cutSnippet(dbSubstr(tc.page, tc.start, tc.end), tc.start, tc.end)
			if b != tc.before || x != tc.text || a != tc.aft {
				t.Errorf("cutSnippet = %q, %q, %q; want %q, %q, %q", b, x, a, tc.before, tc.text, tc.aft)
			}
		})
	}
}

// dbSubstr is what the cluster query's substr cuts from a page for a span.
func dbSubstr(page string, start, end int) string {
	r := []rune(page)
	from := max(start-snippetContext, 0)
	return string(r[min(from, len(r)):min(end+snippetContext, len(r))])
}

// FuzzCutSnippet: any cut and span give the cut back whole, the span's
// runes in the middle when the span is in the page.
func FuzzCutSnippet(f *testing.F) {
	f.Add("Doe met Roe", 8, 11)
	f.Add("Zoë Ünal", 4, 8)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, page string, start, end int) {
		if !utf8.ValidString(page) {
			return // pages are valid UTF-8 (schemas checks records)
		}
		if start < 0 || end < start || end > utf8.RuneCountInString(page) {
			b, x, a := cutSnippet(page, start, end) // out of range: no panic, nothing lost
			if b+x+a != page {
				t.Fatalf("cutSnippet(%q, %d, %d) lost text", page, start, end)
			}
			return
		}
		b, x, a := cutSnippet(dbSubstr(page, start, end), start, end)
		if want := string([]rune(page)[start:end]); x != want {
			t.Fatalf("span = %q, want %q", x, want)
		}
		if !strings.Contains(page, b+x+a) {
			t.Fatalf("%q is not in the page", b+x+a)
		}
	})
}

func ExampleClusterURL() {
	fmt.Println(ClusterURL("p-381d429ca5110a0f"))
	// Output: /entity/p-381d429ca5110a0f
}
