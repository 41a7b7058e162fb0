package readingroom

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/internal/pgtest"
	"github.com/casefile/casefile/schemas"
)

const (
	avenattiNotice  = "cacd-us-v-avenatti-notice-of-lodging.pdf"
	avenattiRelated = "cacd-us-v-avenatti-related-notice.txt"
	hostileText     = `hostile-"<img src=x onerror=alert(3)>".txt`
	pressRelease    = "ny-snp-wtg-2012-press-release.pdf"
)

func get(t *testing.T, base, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// pageCase is one request to the reading room and what its answer must
// and must not hold.
type pageCase struct {
	name, path string
	status     int
	want, not  []string
}

func pageCases(recs map[string]schemas.Record) []pageCase {
	docURL := func(base string) string { return "/doc/" + recs[base].ID }
	return []pageCase{
		{name: "home lists filings", path: "/", status: 200,
			want: []string{"filings", "United States v. Avenatti", `src="/static/app.js"`}},
		{name: "phrase", path: "/search?q=%22second+degree%22", status: 200,
			want: []string{pressRelease, `<mark class="hl">Second`, "1 page in 1 filing"}},
		{name: "defendant", path: "/search?q=Avenatti", status: 200,
			want: []string{avenattiNotice, avenattiRelated, "3 pages in 3 filings", `<mark class="hl">AVENATTI</mark>`}},
		{name: "facet narrows", path: "/search?q=Avenatti&type=notice&court=cacd", status: 200,
			want: []string{avenattiNotice, "remove"}},
		{name: "facet by name", path: "/search?" + url.Values{"q": {"fraud"}, "name": {"Michael John Avenatti"}}.Encode(), status: 200,
			want: []string{avenattiRelated}, not: []string{avenattiNotice}},
		{name: "facet by offense", path: "/search?offense=wire+fraud", status: 200,
			want: []string{avenattiRelated, "2 filings"}},
		{name: "FTS syntax is data", path: "/search?q=" + url.QueryEscape(`NEAR( "a * OR -) AND`), status: 200},
		{name: "paging bounded", path: "/search?page=100000", status: 200},
		{name: "document", path: docURL(avenattiNotice), status: 200,
			want: []string{"United States v. Avenatti", "8:19-cr-00061-JVS", `data-label="person"`, "MICHAEL JOHN AVENATTI",
				`href="/doc/` + recs[avenattiNotice].ID + `/pdf#page=1"`, "People", "Organizations", "Places"}},
		{name: "document charges and quantities", path: docURL(hostileText), status: 200,
			want: []string{"wire fraud", "18 U.S.C. § 1343", "Quantities", "5000 USD"}},
		{name: "text document has no PDF link", path: docURL(hostileText), status: 200, not: []string{"/pdf#page="}},
		{name: "unknown document", path: "/doc/0000", status: 404},
		{name: "entity across filings", path: "/entity?type=PERSON&name=" + url.QueryEscape("Michael John Avenatti"), status: 200,
			want: []string{avenattiNotice, avenattiRelated, "MICHAEL JOHN AVENATTI", "in 3 filings", "wire fraud"}},
		{name: "unknown entity", path: "/entity?type=PERSON&name=Nobody+Atall", status: 404},
		{name: "entity type outside the set", path: "/entity?type=DATE&name=x", status: 404},
		{name: "dead letters", path: "/deadletters", status: 200,
			want: []string{"extract.not_pdf", "named .pdf but is not a PDF", "ingest.empty", "extract.malformed", "html-saved-as-pdf.pdf"}},
		{name: "dead letters by reason", path: "/deadletters?reason=ingest.empty", status: 200,
			want: []string{"empty-zero-byte.pdf"}, not: []string{"html-saved-as-pdf.pdf"}},
		{name: "static script", path: "/static/app.js", status: 200, want: []string{"keydown"}},
		{name: "no such page", path: "/admin", status: 404},
	}
}

func checkPages(t *testing.T, base string, recs map[string]schemas.Record) {
	for _, tc := range pageCases(recs) {
		t.Run(tc.name, func(t *testing.T) {
			status, h, body := get(t, base, tc.path)
			if status != tc.status {
				t.Fatalf("GET %s = %d, want %d\n%.2000s", tc.path, status, tc.status, body)
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
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET %s: X-Content-Type-Options = %q", tc.path, h.Get("X-Content-Type-Options"))
			}
			if got := h.Get("Content-Security-Policy"); got != ContentSecurityPolicy {
				t.Errorf("GET %s: Content-Security-Policy = %q", tc.path, got)
			}
		})
	}
}

func TestPagesSQLite(t *testing.T) {
	db, recs := sampleStore(t)
	_, srv := serveStore(t, "sqlite:"+db)
	checkPages(t, srv.URL, recs)
}

func TestPagesPostgres(t *testing.T) {
	dsn := pgtest.Database(t)
	_, recs := sampleStore(t)
	dir := t.TempDir()
	d, err := dump(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := runPipeline(context.Background(), sample.bin, filepath.Join(dir, "data"), d, dsn); err != nil {
		t.Fatal(err)
	}
	// The records of this run name the copies in dir; ids are the same.
	_, srv := serveStore(t, dsn)
	checkPages(t, srv.URL, recs)
}

// TestDocumentSpans checks every mention of every record against the
// document view: one mark with its id, type and span, whose fragments hold
// the mention's text.
func TestDocumentSpans(t *testing.T) {
	db, recs := sampleStore(t)
	st, _ := serveStore(t, "sqlite:"+db)
	for name, rec := range recs {
		d, err := st.Document(context.Background(), rec.ID, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[int]string{} // seq → text of its fragments
		where := map[int][3]int{}
		for _, p := range d.Pages {
			var open []*markTag
			for _, tok := range p.Tokens {
				switch {
				case tok.Open != nil:
					open = append(open, tok.Open)
					if tok.Open.First {
						where[tok.Open.Seq] = [3]int{p.Number, tok.Open.Start, tok.Open.End}
					}
				case tok.Close:
					open = open[:len(open)-1]
				default:
					for _, m := range open {
						got[m.Seq] += tok.Text
					}
				}
			}
		}
		for seq, e := range rec.Entities {
			if got[seq] != e.Text {
				t.Errorf("%s: mention %d = %q, want %q", name, seq, got[seq], e.Text)
			}
			if w := where[seq]; w != [3]int{e.Page, e.Start, e.End} {
				t.Errorf("%s: mention %d at page %d [%d,%d), want page %d [%d,%d)", name, seq, w[0], w[1], w[2], e.Page, e.Start, e.End)
			}
		}
	}
}

// TestHostileText: a filing whose text and name hold markup renders as
// text everywhere the reading room shows it.
func TestHostileText(t *testing.T) {
	db, recs := sampleStore(t)
	_, srv := serveStore(t, "sqlite:"+db)
	rec := recs[hostileText]
	if rec.ID == "" {
		t.Fatal("the hostile filing has no record")
	}
	raw := []string{"<script>alert(1)", "<img src=x", "</textarea>", "<style>body", "<Boss>"}
	for _, path := range []string{
		"/doc/" + rec.ID,
		"/search?q=alert",
		"/search?q=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/search?court=cacd",
		"/entity?type=PERSON&name=" + url.QueryEscape("John O'Malley"),
		"/entity?type=PERSON&name=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/search?name=" + url.QueryEscape(`"><script>alert(1)</script>`),
	} {
		_, _, body := get(t, srv.URL, path)
		for _, r := range raw {
			if strings.Contains(body, r) {
				t.Errorf("GET %s: body holds raw %q", path, r)
			}
		}
	}
	_, _, body := get(t, srv.URL, "/doc/"+rec.ID)
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/textarea&gt;&lt;style&gt;", "O&#39;Malley", "&lt;img src=x onerror=alert(3)&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("document view lacks escaped %q", want)
		}
	}
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("document view holds %d script elements, want 1 (app.js)", n)
	}
}

func TestReadOnly(t *testing.T) {
	db, _ := sampleStore(t)
	st, srv := serveStore(t, "sqlite:"+db)
	if _, err := st.db.ExecContext(context.Background(), `DELETE FROM dead_letters`); err == nil {
		t.Error("a write through the store succeeded")
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(m, srv.URL+"/search", strings.NewReader("q=x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /search = %d, want 405", m, resp.StatusCode)
		}
	}
	if _, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing file) = %v, want fs.ErrNotExist", err)
	}
	empty := filepath.Join(t.TempDir(), "other.db")
	os.WriteFile(empty, nil, 0o644)
	if _, err := Open(context.Background(), "sqlite:"+empty); !errors.Is(err, ErrNotStore) {
		t.Errorf("Open(not a store) = %v, want ErrNotStore", err)
	}
}

func TestOriginalPDF(t *testing.T) {
	db, recs := sampleStore(t)
	_, srv := serveStore(t, "sqlite:"+db)
	rec := recs[avenattiNotice]
	status, h, body := get(t, srv.URL, "/doc/"+rec.ID+"/pdf")
	want, err := os.ReadFile(filepath.Join("../testdata/pdfs", avenattiNotice))
	if err != nil {
		t.Fatal(err)
	}
	if status != 200 || h.Get("Content-Type") != "application/pdf" || !bytes.Equal([]byte(body), want) {
		t.Errorf("GET pdf = %d %q, %d bytes; want 200 application/pdf, the %d bytes of the file", status, h.Get("Content-Type"), len(body), len(want))
	}
	if status, _, _ := get(t, srv.URL, "/doc/"+recs[hostileText].ID+"/pdf"); status != 404 {
		t.Errorf("GET pdf of a text filing = %d, want 404", status)
	}

	// The recorded source: a changed file, a URI, a missing file.
	dir := t.TempDir()
	path := filepath.Join(dir, "f.pdf")
	os.WriteFile(path, want, 0o644)
	ok := &Original{ID: rec.ID, Source: "f.pdf", ContentType: "application/pdf", Bytes: int64(len(want))}
	for _, tc := range []struct {
		name    string
		o       Original
		wantErr error
	}{
		{"relative under root", *ok, nil},
		{"changed bytes", Original{ID: strings.Repeat("0", 64), Source: "f.pdf", Bytes: ok.Bytes}, ErrChanged},
		{"changed size", Original{ID: rec.ID, Source: "f.pdf", Bytes: 5}, ErrChanged},
		{"uri", Original{ID: rec.ID, Source: "https://example.com/f.pdf", Bytes: ok.Bytes}, ErrNoOriginal},
		{"missing", Original{ID: rec.ID, Source: "gone.pdf", Bytes: ok.Bytes}, ErrNoOriginal},
		{"a folder", Original{ID: rec.ID, Source: ".", Bytes: ok.Bytes}, ErrChanged},
	} {
		f, err := openOriginal(&tc.o, dir)
		if f != nil {
			f.Close()
		}
		if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
			t.Errorf("%s: openOriginal = %v, want %v", tc.name, err, tc.wantErr)
		}
	}
}

// TestOriginalFIFO: a recorded source that is now a named pipe is
// refused at once, never waited on for a writer that may not come.
func TestOriginalFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := openOriginal(&Original{ID: strings.Repeat("0", 64), Source: "f.pdf", Bytes: 10}, dir)
		if f != nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrChanged) {
			t.Errorf("openOriginal(fifo) = %v, want %v", err, ErrChanged)
		}
	case <-time.After(5 * time.Second):
		// Open a writer so the blocked open returns and the test can end.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		<-done
		t.Fatal("openOriginal(fifo) blocked waiting for a writer")
	}
}

func TestReasonText(t *testing.T) {
	for _, r := range schemas.Reasons() {
		if got := ReasonText(r); strings.HasPrefix(got, "No description") {
			t.Errorf("ReasonText(%s) has no description", r)
		}
	}
	if got := ReasonText("later.stage_cause"); !strings.HasPrefix(got, "No description") {
		t.Errorf("ReasonText(unknown) = %q", got)
	}
}

// TestMentionLinks: every side-list link of a document points to a mark
// the page holds.
func TestMentionLinks(t *testing.T) {
	db, recs := sampleStore(t)
	_, srv := serveStore(t, "sqlite:"+db)
	for _, name := range []string{avenattiNotice, hostileText, pressRelease} {
		_, _, body := get(t, srv.URL, "/doc/"+recs[name].ID)
		ids := map[string]bool{}
		for _, m := range regexp.MustCompile(`id="(e-\d+)"`).FindAllStringSubmatch(body, -1) {
			ids[m[1]] = true
		}
		links := regexp.MustCompile(`href="#(e-\d+)"`).FindAllStringSubmatch(body, -1)
		if len(links) == 0 {
			t.Errorf("%s: no mention links", name)
		}
		for _, l := range links {
			if !ids[l[1]] {
				t.Errorf("%s: link to #%s, which the page lacks", name, l[1])
			}
		}
	}
}

func ExampleQuery_URL() {
	q := Query{Text: `"second degree" murder`, Court: "nysupct", Page: 2}
	fmt.Println(q.URL())
	// Output: /search?court=nysupct&page=2&q=%22second+degree%22+murder
}
