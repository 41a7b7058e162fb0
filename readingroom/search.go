package readingroom

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casefile/casefile/storedb"
)

// Bounds of a search: results per page, how deep paging goes, how many
// hits are counted and how many filings the facet counts look at: FacetDocs
// in a store with precomputed facet rows (doc_facets), FacetDocsScan where
// the counts read the filings' entities.
const (
	PageSize      = 20
	MaxPage       = 50
	CountCap      = 10000
	FacetDocs     = 5000
	FacetDocsScan = 500
	facetValues   = 15
	maxQueryRunes = 500
	maxParamRunes = 300
)

// Query is a search as its URL holds it: the text and the facet filters.
// The zero Query lists every filing.
type Query struct {
	Text       string // words, "quoted phrases", prefix*
	Court      string // documents.court
	DocType    string // documents.doc_type
	Year       string // the year of documents.filed
	EntityType string // filings with at least one entity of this type
	Offense    string // filings charging this offense
	Who        string // filings naming this who-is-who cluster (its id)
	Name       string // filings naming this person or organization (normalized)
	Page       int    // 1-based
}

// queryParams are the URL parameters of a Query's filters, in facet order.
var queryParams = []struct{ param, label string }{
	{"court", "Court"}, {"type", "Document type"}, {"year", "Filed"},
	{"etype", "Names an entity of type"}, {"offense", "Charge"},
	{"who", "Names a person or organization"}, {"name", "Names (as written)"},
}

// ParseQuery reads a Query from URL parameters, trimming each to a bounded
// length and the page into 1..MaxPage.
func ParseQuery(v url.Values) Query {
	q := Query{
		Text:       clip(v.Get("q"), maxQueryRunes),
		Court:      clip(v.Get("court"), maxParamRunes),
		DocType:    clip(v.Get("type"), maxParamRunes),
		Year:       clip(v.Get("year"), 4),
		EntityType: clip(v.Get("etype"), 20),
		Offense:    clip(v.Get("offense"), maxParamRunes),
		Who:        clip(v.Get("who"), 100),
		Name:       clip(v.Get("name"), maxParamRunes),
		Page:       1,
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil {
		q.Page = min(max(p, 1), MaxPage)
	}
	return q
}

// clip trims s and cuts it to at most n code points, dropping invalid UTF-8
// and control characters.
func clip(s string, n int) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Values is the URL form of q (page left out when 1).
func (q Query) Values() url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", q.Text)
	for _, p := range queryParams {
		set(p.param, q.filter(p.param))
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	return v
}

// URL is the search page's address for q.
func (q Query) URL() string {
	if e := q.Values().Encode(); e != "" {
		return "/search?" + e
	}
	return "/search"
}

func (q Query) filter(param string) string {
	switch param {
	case "court":
		return q.Court
	case "type":
		return q.DocType
	case "year":
		return q.Year
	case "etype":
		return q.EntityType
	case "offense":
		return q.Offense
	case "who":
		return q.Who
	case "name":
		return q.Name
	}
	return ""
}

func (q Query) with(param, value string) Query {
	switch param {
	case "court":
		q.Court = value
	case "type":
		q.DocType = value
	case "year":
		q.Year = value
	case "etype":
		q.EntityType = value
	case "offense":
		q.Offense = value
	case "who":
		q.Who = value
	case "name":
		q.Name = value
	}
	q.Page = 1
	return q
}

// Results is one page of a search.
type Results struct {
	Query Query
	// Browse is set when the query has no text: Hits are then filings
	// (Page 0, no passage) rather than pages.
	Browse bool
	Hits   []Hit
	// Total and TotalDocs count matching pages and filings, up to
	// CountCap pages; Capped says the count stopped there.
	Total, TotalDocs int
	Capped           bool
	Facets           []Facet
	// FacetsCapped says the facet counts cover only the first FacetLimit
	// matching filings.
	FacetsCapped bool
	FacetLimit   int
	Prev, Next   string // URLs of the neighbouring result pages, or ""
}

// Hit is one matching page (or, browsing, one filing).
type Hit struct {
	Doc     DocSummary
	Page    int
	Passage []passagePart
	URL     string
}

// DocSummary is what a list shows of a filing.
type DocSummary struct {
	ID, Source, Caption, Court, DocType, Filed string
	Pages                                      int
}

// Title is the filing's caption, else its file name.
func (d DocSummary) Title() string {
	if d.Caption != "" {
		return d.Caption
	}
	return baseName(d.Source)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 && i+1 < len(p) {
		return p[i+1:]
	}
	return p
}

// Facet is one filter with the values found among the matching filings.
type Facet struct {
	Param, Label string
	Values       []FacetValue
	// Selected is the value in force (SelectedLabel as a reader reads
	// it), with the URL that removes it.
	Selected, SelectedLabel, ClearURL string
}

// FacetValue is one value of a facet: how many matching filings have it,
// and the URL that filters by it.
type FacetValue struct {
	Value, Label string
	Count        int
	URL          string
}

// ftsMatch turns what a reader typed into an FTS5 query that cannot be a
// syntax error: every word and "quoted phrase" becomes a quoted FTS5
// string (all must match), a trailing * keeps a prefix search. It returns
// "" when nothing searchable is left.
func ftsMatch(text string) string {
	var terms []string
	add := func(t string, prefix bool) {
		t = strings.TrimSpace(t)
		if t == "" {
			return
		}
		term := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		if prefix {
			term += "*"
		}
		terms = append(terms, term)
	}
	for text != "" {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		if text[0] == '"' {
			end := strings.IndexByte(text[1:], '"')
			if end < 0 {
				add(text[1:], false)
				break
			}
			add(text[1:1+end], false)
			text = text[end+2:]
			continue
		}
		end := strings.IndexFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(text)
		}
		word := text[:end]
		text = text[end:]
		prefix := strings.HasSuffix(word, "*")
		word = strings.Trim(word, "*")
		// A word of punctuation alone tokenizes to nothing: FTS5 would
		// refuse the empty phrase.
		if strings.IndexFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			add(word, prefix)
		}
	}
	return strings.Join(terms, " ")
}

// from returns the FROM … WHERE part of a search and its arguments; the
// page alias is p (absent browsing), the document alias d.
func (s *Store) from(q Query) (string, []any, bool) {
	var b strings.Builder
	var args []any
	browse := false
	switch {
	case s.db.Dialect == storedb.SQLite && ftsMatch(q.Text) != "":
		b.WriteString(` FROM pages_fts JOIN pages p ON p.rowid = pages_fts.rowid JOIN documents d ON d.id = p.document_id WHERE pages_fts MATCH ?`)
		args = append(args, ftsMatch(q.Text))
	case s.db.Dialect == storedb.Postgres && strings.TrimSpace(q.Text) != "":
		b.WriteString(` FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.tsv @@ websearch_to_tsquery('english', ?)`)
		args = append(args, q.Text)
	default:
		browse = true
		b.WriteString(` FROM documents d WHERE 1 = 1`)
	}
	add := func(cond, v string) {
		if v != "" {
			b.WriteString(" AND " + cond)
			args = append(args, v)
		}
	}
	add(`d.court = ?`, q.Court)
	add(`d.doc_type = ?`, q.DocType)
	add(`substr(d.filed, 1, 4) = ?`, q.Year)
	if s.facetTable {
		// One probe of the (facet, value) index per filter.
		add(`d.id IN (SELECT document_id FROM doc_facets WHERE facet = 'etype' AND value = ?)`, q.EntityType)
		add(`d.id IN (SELECT document_id FROM doc_facets WHERE facet = 'offense' AND value = ?)`, q.Offense)
	} else {
		add(`EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id AND e.type = ?)`, q.EntityType)
		add(`EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id AND e.type = 'CHARGE' AND e.offense = ?)`, q.Offense)
	}
	switch {
	case q.Who == "":
	case s.identity:
		add(`d.id IN (SELECT document_id FROM doc_entities WHERE cluster_id = ?)`, q.Who)
	default:
		// A cluster in a store without clusters names no filing.
		b.WriteString(" AND 1 = 0")
	}
	add(`EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id AND e.type IN ('PERSON', 'ORGANIZATION') AND e.normalized = ?)`, q.Name)
	return b.String(), args, browse
}

const docCols = `d.id, d.source, coalesce(d.caption, ''), coalesce(d.court, ''), coalesce(d.doc_type, ''), coalesce(d.filed, ''), d.pages`

func scanSummary(d *DocSummary) []any {
	return []any{&d.ID, &d.Source, &d.Caption, &d.Court, &d.DocType, &d.Filed, &d.Pages}
}

// Search runs q: one page of hits best first (filings newest first when
// browsing), the capped counts and the facets.
func (s *Store) Search(ctx context.Context, q Query) (*Results, error) {
	if q.Page < 1 {
		q.Page = 1
	}
	from, args, browse := s.from(q)
	res := &Results{Query: q, Browse: browse}

	var sel string
	selArgs := args
	switch {
	case browse:
		sel = `SELECT ` + docCols + `, 0, ''` + from + ` ORDER BY d.filed IS NULL, d.filed DESC, d.source, d.id LIMIT ? OFFSET ?`
	case s.db.Dialect == storedb.SQLite:
		sel = `SELECT ` + docCols + `, p.number, snippet(pages_fts, 0, char(57344), char(57345), '…', 24)` + from +
			` ORDER BY bm25(pages_fts), d.id, p.number LIMIT ? OFFSET ?`
	default:
		// The headline options travel as a parameter: its markers are
		// the private-use code points splitPassage cuts on.
		sel = `SELECT ` + docCols + `, p.number, ts_headline('english', p.text, websearch_to_tsquery('english', ?), ?)` + from +
			` ORDER BY ts_rank(p.tsv, websearch_to_tsquery('english', ?)) DESC, d.id, p.number LIMIT ? OFFSET ?`
		opts := "StartSel=" + hitOpen + ", StopSel=" + hitClose + `, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`
		selArgs = append([]any{q.Text, opts}, args...)
		selArgs = append(selArgs, q.Text)
	}
	selArgs = append(selArgs[:len(selArgs):len(selArgs)], PageSize, (q.Page-1)*PageSize)
	rows, err := s.query(ctx, sel, selArgs...)
	if err != nil {
		return nil, fmt.Errorf("readingroom: search: %w", err)
	}
	for rows.Next() {
		var h Hit
		var passage string
		if err := rows.Scan(append(scanSummary(&h.Doc), &h.Page, &passage)...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("readingroom: search: %w", err)
		}
		h.Passage = splitPassage(passage)
		h.URL = docURL(h.Doc.ID, max(h.Page, 1), "")
		if h.Page > 0 {
			h.URL = docURL(h.Doc.ID, h.Page, fmt.Sprintf("p-%d", h.Page))
		}
		res.Hits = append(res.Hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: search: %w", err)
	}

	countSQL := `SELECT count(*), count(DISTINCT id) FROM (SELECT d.id` + from + ` LIMIT ?) t`
	if err := s.queryRow(ctx, countSQL, append(args[:len(args):len(args)], CountCap+1)...).Scan(&res.Total, &res.TotalDocs); err != nil {
		return nil, fmt.Errorf("readingroom: search count: %w", err)
	}
	if res.Total > CountCap {
		res.Total, res.Capped = CountCap, true
	}
	if browse {
		res.Total = res.TotalDocs
	}
	if q.Page > 1 {
		p := q
		p.Page--
		res.Prev = p.URL()
	}
	if q.Page < MaxPage && q.Page*PageSize < res.Total {
		p := q
		p.Page++
		res.Next = p.URL()
	}
	if err := s.facets(ctx, q, from, args, res); err != nil {
		return nil, err
	}
	return res, nil
}

// facetRows is the SQL of the rows (document_id, facet, value) of the
// filings in hits, one per distinct value: the precomputed doc_facets rows
// where the store has them, else the same rows derived from the filings'
// documents, entities and doc entities (each hit's rows read once, by its
// primary key).
func (s *Store) facetRows() string {
	// SQLite's CROSS JOIN keeps hits as the outer loop, so each hit's own
	// rows are read by primary key rather than every row of a type.
	join := "JOIN"
	if s.db.Dialect == storedb.SQLite {
		join = "CROSS JOIN"
	}
	if s.facetTable {
		return `SELECT f.document_id, f.facet, f.value FROM hits ` + join + ` doc_facets f ON f.document_id = hits.id`
	}
	parts := []string{
		`SELECT d.id AS document_id, 'court' AS facet, d.court AS value FROM hits ` + join + ` documents d ON d.id = hits.id WHERE d.court <> ''`,
		`SELECT d.id, 'type', d.doc_type FROM hits ` + join + ` documents d ON d.id = hits.id WHERE d.doc_type <> ''`,
		`SELECT d.id, 'year', substr(d.filed, 1, 4) FROM hits ` + join + ` documents d ON d.id = hits.id WHERE d.filed <> ''`,
		`SELECT e.document_id, 'etype', e.type FROM hits ` + join + ` entities e ON e.document_id = hits.id`,
		`SELECT e.document_id, 'offense', e.offense FROM hits ` + join + ` entities e ON e.document_id = hits.id WHERE e.type = 'CHARGE' AND e.offense <> ''`,
	}
	if s.identity {
		parts = append(parts, `SELECT de.document_id, CASE de.type WHEN 'PERSON' THEN 'person' ELSE 'org' END, de.cluster_id FROM hits `+
			join+` doc_entities de ON de.document_id = hits.id`)
	} else {
		parts = append(parts, `SELECT e.document_id, CASE e.type WHEN 'PERSON' THEN 'name' ELSE 'name-org' END, e.normalized FROM hits `+
			join+` entities e ON e.document_id = hits.id WHERE e.type IN ('PERSON', 'ORGANIZATION') AND e.normalized <> ''`)
	}
	return strings.Join(parts, " UNION ")
}

// facetParams maps the facets of facetRows to the URL parameter that
// filters by them and the suffix of their values' labels.
var facetParams = map[string]struct{ param, suffix string }{
	"court": {"court", ""}, "type": {"type", ""}, "year": {"year", ""}, "etype": {"etype", ""}, "offense": {"offense", ""},
	"person": {"who", ""}, "org": {"who", " (org)"}, "name": {"name", ""}, "name-org": {"name", " (org)"},
}

// facets counts, among the first FacetLimit matching filings, the filings
// with each value of each facet: one GROUP BY over the hits' facet rows,
// the facetValues most frequent values of each facet kept.
func (s *Store) facets(ctx context.Context, q Query, from string, args []any, res *Results) error {
	res.FacetLimit = FacetDocsScan
	if s.facetTable {
		res.FacetLimit = FacetDocs
	}
	label := `''`
	clusters := ``
	if s.identity {
		label = `coalesce(c.name, '')`
		clusters = ` LEFT JOIN clusters c ON r.facet IN ('person', 'org') AND c.id = r.value`
	}
	sqlText := `WITH hits AS MATERIALIZED (SELECT DISTINCT d.id` + from + ` LIMIT ?),
facts AS (` + s.facetRows() + `),
counted AS (SELECT facet, value, count(*) AS n FROM facts GROUP BY facet, value),
ranked AS (SELECT facet, value, n, row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS k FROM counted)
SELECT CAST('total' AS TEXT), CAST('' AS TEXT), count(*), CAST('' AS TEXT) FROM hits
UNION ALL
SELECT r.facet, r.value, r.n, ` + label + ` FROM ranked r` + clusters + ` WHERE r.k <= ` + strconv.Itoa(facetValues)
	rows, err := s.query(ctx, sqlText, append(args[:len(args):len(args)], res.FacetLimit)...)
	if err != nil {
		return fmt.Errorf("readingroom: facets: %w", err)
	}
	defer rows.Close()
	byParam := map[string][]FacetValue{}
	for rows.Next() {
		var f, v, name string
		var n int
		if err := rows.Scan(&f, &v, &n, &name); err != nil {
			return fmt.Errorf("readingroom: facets: %w", err)
		}
		if f == "total" {
			res.FacetsCapped = n >= res.FacetLimit
			continue
		}
		fp, ok := facetParams[f]
		if !ok {
			continue
		}
		if name == "" {
			name = v
		}
		byParam[fp.param] = append(byParam[fp.param], FacetValue{Value: v, Label: name + fp.suffix, Count: n, URL: q.with(fp.param, v).URL()})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("readingroom: facets: %w", err)
	}
	whoLabel := q.Who
	if q.Who != "" && s.identity {
		var name, typ string
		err := s.queryRow(ctx, `SELECT name, type FROM clusters WHERE id = ?`, q.Who).Scan(&name, &typ)
		switch {
		case err == nil:
			whoLabel = name
			if typ == "ORGANIZATION" {
				whoLabel += " (org)"
			}
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("readingroom: facets: %w", err)
		}
	}
	for _, p := range queryParams {
		f := Facet{Param: p.param, Label: p.label, Values: byParam[p.param]}
		// Rows of one facet came in rank order; people and organizations
		// share "who", most filings first.
		slices.SortStableFunc(f.Values, func(a, b FacetValue) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Label, b.Label))
		})
		if sel := q.filter(p.param); sel != "" {
			f.Selected, f.SelectedLabel = sel, sel
			if p.param == "who" {
				f.SelectedLabel = whoLabel
			}
			f.ClearURL = q.with(p.param, "").URL()
		}
		res.Facets = append(res.Facets, f)
	}
	return nil
}

// docWindow is how many pages a document view shows at once.
const docWindow = 100

// docURL is the address of page of document id, in the window of pages
// that holds it, with an optional fragment.
func docURL(id string, page int, fragment string) string {
	u := "/doc/" + url.PathEscape(id)
	if from := windowStart(page); from > 1 {
		u += "?from=" + strconv.Itoa(from)
	}
	if fragment != "" {
		u += "#" + fragment
	}
	return u
}

func windowStart(page int) int {
	if page < 1 {
		return 1
	}
	return (page-1)/docWindow*docWindow + 1
}
