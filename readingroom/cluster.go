package readingroom

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casefile/casefile/storedb"
)

// Bounds of a cluster page.
const (
	clusterPageSize = 50 // filings per page
	clusterSnippets = 5  // mentions quoted per filing
	snippetContext  = 60 // code points either side of a quoted mention
)

// Cluster is one who-is-who entity: a person or organization resolved
// across filings, with every filing that names it (a page of them at a
// time), each mention quoted and linked to its span, the charges and
// quantities the text ties to it, and the clusters named in the same
// filings.
type Cluster struct {
	ID, Type, Name string
	Aliases        []string
	// Counts over the whole store, as the clusters table keeps them.
	Filings, Mentions, Charges, Quantities, Members int

	// Docs are this page's filings, oldest first; Page is 1-based.
	Docs       []ClusterFiling
	Page       int
	Prev, Next string

	// TiedCharges and TiedQuantities are what the text ties to the
	// entity, with how many filings do; CoPeople and CoOrgs are the other
	// clusters of its filings, with how many filings name both.
	TiedCharges, TiedQuantities []Count
	CoPeople, CoOrgs            []Count
}

// ClusterFiling is one doc entity of the cluster: the filing, the name
// and aliases it gives, its quoted mentions and its ties.
type ClusterFiling struct {
	Doc      DocSummary
	EntityID string
	Name     string
	Aliases  []string
	Mentions []Snippet
	// More counts the mentions not quoted.
	More int
	Ties []Snippet
}

// Snippet is a mention (or a tied charge or quantity) in its page's words:
// Text is exactly the span, Before and After the code points around it.
type Snippet struct {
	Page, Seq           int
	Type                string
	Before, Text, After string
	Label               string // a tie's offense and statute, or quantity
	URL                 string // the highlighted span in the document view
}

// ClusterURL is the address of cluster id's page.
func ClusterURL(id string) string { return "/entity/" + url.PathEscape(id) }

// Cluster reads cluster id with page (1-based) of its filings. It returns
// ErrNotFound when the store has no such cluster or no who-is-who tables.
func (s *Store) Cluster(ctx context.Context, id string, page int) (*Cluster, error) {
	if !s.identity || id == "" {
		return nil, ErrNotFound
	}
	c := &Cluster{Page: max(page, 1)}
	var aliases string
	err := s.queryRow(ctx, `SELECT id, type, name, `+s.text("aliases")+`, filings, mentions, charges, quantities, members
FROM clusters WHERE id = ?`, id).Scan(&c.ID, &c.Type, &c.Name, &aliases, &c.Filings, &c.Mentions, &c.Charges, &c.Quantities, &c.Members)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("readingroom: cluster %s: %w", id, err)
	}
	_ = json.Unmarshal([]byte(aliases), &c.Aliases) // a malformed column leaves none
	if err := s.clusterFilings(ctx, c); err != nil {
		return nil, err
	}
	if err := s.clusterTies(ctx, c); err != nil {
		return nil, err
	}
	if err := s.coMentioned(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// clusterFilings reads the page's doc entities, then their mentions and
// ties in one query each.
func (s *Store) clusterFilings(ctx context.Context, c *Cluster) error {
	rows, err := s.query(ctx, `SELECT `+docCols+`, de.entity_id, de.name, `+s.text("de.aliases")+`
FROM doc_entities de JOIN documents d ON d.id = de.document_id
WHERE de.cluster_id = ?
ORDER BY d.filed IS NULL, d.filed, d.source, d.id, de.entity_id LIMIT ? OFFSET ?`,
		c.ID, clusterPageSize+1, (c.Page-1)*clusterPageSize)
	if err != nil {
		return fmt.Errorf("readingroom: cluster %s: %w", c.ID, err)
	}
	for rows.Next() {
		var f ClusterFiling
		var aliases string
		if err := rows.Scan(append(scanSummary(&f.Doc), &f.EntityID, &f.Name, &aliases)...); err != nil {
			rows.Close()
			return fmt.Errorf("readingroom: cluster %s: %w", c.ID, err)
		}
		_ = json.Unmarshal([]byte(aliases), &f.Aliases)
		c.Docs = append(c.Docs, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("readingroom: cluster %s: %w", c.ID, err)
	}
	if len(c.Docs) > clusterPageSize {
		c.Docs = c.Docs[:clusterPageSize]
		c.Next = ClusterURL(c.ID) + "?page=" + strconv.Itoa(c.Page+1)
	}
	if c.Page > 1 {
		c.Prev = ClusterURL(c.ID)
		if c.Page > 2 {
			c.Prev += "?page=" + strconv.Itoa(c.Page-1)
		}
	}
	if len(c.Docs) == 0 {
		return nil
	}

	at := map[[2]string]*ClusterFiling{}
	in := make([]any, 0, len(c.Docs)+1)
	in = append(in, c.ID)
	for i := range c.Docs {
		f := &c.Docs[i]
		at[[2]string{f.Doc.ID, f.EntityID}] = f
		in = append(in, f.Doc.ID)
	}
	docIn := "(?" + strings.Repeat(", ?", len(c.Docs)-1) + ")"

	// Each doc entity's first mentions with the words around them: the
	// window function picks them before any page text is read, and
	// substr cuts the page in the database, counting code points as the
	// spans do (SQLite and PostgreSQL alike).
	rows, err = s.query(ctx, `WITH ms AS (
    SELECT m.document_id, m.entity_id, m.seq,
        row_number() OVER (PARTITION BY m.document_id, m.entity_id ORDER BY m.seq) AS k,
        count(*) OVER (PARTITION BY m.document_id, m.entity_id) AS n
    FROM doc_entities de JOIN doc_entity_mentions m ON m.document_id = de.document_id AND m.entity_id = de.entity_id
    WHERE de.cluster_id = ? AND de.document_id IN `+docIn+`)
SELECT ms.document_id, ms.entity_id, ms.n, e.seq, e.type, e.page, e.char_start, e.char_end,
    substr(p.text, CASE WHEN e.char_start > ? THEN e.char_start - ? ELSE 0 END + 1,
        e.char_end - CASE WHEN e.char_start > ? THEN e.char_start - ? ELSE 0 END + ?)
FROM ms JOIN entities e ON e.document_id = ms.document_id AND e.seq = ms.seq
JOIN pages p ON p.document_id = e.document_id AND p.number = e.page
WHERE ms.k <= ? ORDER BY ms.document_id, ms.entity_id, e.seq`,
		append(in, snippetContext, snippetContext, snippetContext, snippetContext, snippetContext, clusterSnippets)...)
	if err != nil {
		return fmt.Errorf("readingroom: cluster %s mentions: %w", c.ID, err)
	}
	for rows.Next() {
		var doc, ent, cut string
		var n int
		var sn Snippet
		var start, end int
		if err := rows.Scan(&doc, &ent, &n, &sn.Seq, &sn.Type, &sn.Page, &start, &end, &cut); err != nil {
			rows.Close()
			return fmt.Errorf("readingroom: cluster %s mentions: %w", c.ID, err)
		}
		f := at[[2]string{doc, ent}]
		if f == nil {
			continue
		}
		sn.Before, sn.Text, sn.After = cutSnippet(cut, start, end)
		sn.URL = docURL(doc, sn.Page, "e-"+strconv.Itoa(sn.Seq))
		f.Mentions = append(f.Mentions, sn)
		f.More = n - len(f.Mentions)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("readingroom: cluster %s mentions: %w", c.ID, err)
	}

	rows, err = s.query(ctx, `SELECT t.document_id, t.entity_id, e.seq, e.type, e.page, e.text, coalesce(e.offense, ''), coalesce(e.statute, ''),
    e.value, coalesce(e.unit, ''), coalesce(e.item, '')
FROM doc_entities de JOIN doc_entity_ties t ON t.document_id = de.document_id AND t.entity_id = de.entity_id
JOIN entities e ON e.document_id = t.document_id AND e.seq = t.seq
WHERE de.cluster_id = ? AND de.document_id IN `+docIn+`
ORDER BY t.document_id, t.entity_id, e.seq LIMIT ?`, append(in, maxEntityRows)...)
	if err != nil {
		return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc, ent, text, offense, statute, unit, item string
		var value sql.NullFloat64
		var sn Snippet
		if err := rows.Scan(&doc, &ent, &sn.Seq, &sn.Type, &sn.Page, &text, &offense, &statute, &value, &unit, &item); err != nil {
			return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
		}
		f := at[[2]string{doc, ent}]
		if f == nil {
			continue
		}
		sn.Text = text
		sn.Label = tieLabel(sn.Type, text, offense, statute, value, unit, item)
		sn.URL = docURL(doc, sn.Page, "e-"+strconv.Itoa(sn.Seq))
		f.Ties = append(f.Ties, sn)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
	}
	return nil
}

// cutSnippet splits what substr cut around a span [start, end) into the
// words before, the span and the words after, counting code points.
func cutSnippet(cut string, start, end int) (before, text, after string) {
	from := max(start-snippetContext, 0)
	r := []rune(cut)
	i := min(max(start-from, 0), len(r))
	j := min(max(end-from, i), len(r))
	return string(r[:i]), string(r[i:j]), string(r[j:])
}

// tieLabel names a tied charge (offense and statute) or quantity (value
// and unit, with its item).
func tieLabel(typ, text, offense, statute string, value sql.NullFloat64, unit, item string) string {
	if typ == "CHARGE" {
		return strings.TrimSpace(cmpOr(offense, "(offense not named)") + " " + statute)
	}
	l := quantityLabel(value, unit, text)
	if item != "" {
		l += " " + item
	}
	return l
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// clusterTies counts, over all the cluster's filings, the charges and the
// quantities the text ties to it.
func (s *Store) clusterTies(ctx context.Context, c *Cluster) error {
	const ties = ` FROM doc_entities de JOIN doc_entity_ties t ON t.document_id = de.document_id AND t.entity_id = de.entity_id
JOIN entities e ON e.document_id = t.document_id AND e.seq = t.seq WHERE de.cluster_id = ? AND e.type = ?`
	for _, l := range []struct {
		typ, sql string
		dst      *[]Count
	}{
		{"CHARGE", `SELECT coalesce(e.offense, ''), coalesce(e.statute, ''), count(DISTINCT t.document_id) AS n, min(e.text), CAST(NULL AS REAL), '', ''` +
			ties + ` GROUP BY e.offense, e.statute ORDER BY n DESC, 1, 2 LIMIT ?`, &c.TiedCharges},
		{"QUANTITY", `SELECT '', '', count(DISTINCT t.document_id) AS n, min(e.text), e.value, coalesce(e.unit, ''), coalesce(e.item, '')` +
			ties + ` GROUP BY e.value, e.unit, e.item ORDER BY n DESC, 4 LIMIT ?`, &c.TiedQuantities},
	} {
		q := l.sql
		if s.db.Dialect == storedb.Postgres {
			q = strings.Replace(q, "CAST(NULL AS REAL)", "CAST(NULL AS DOUBLE PRECISION)", 1)
		}
		rows, err := s.query(ctx, q, c.ID, l.typ, maxEntityList)
		if err != nil {
			return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
		}
		for rows.Next() {
			var offense, statute, text, unit, item string
			var value sql.NullFloat64
			var n int
			if err := rows.Scan(&offense, &statute, &n, &text, &value, &unit, &item); err != nil {
				rows.Close()
				return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
			}
			cnt := Count{N: n}
			if l.typ == "CHARGE" {
				cnt.Name, cnt.Detail = cmpOr(offense, "(offense not named)"), statute
				if offense != "" {
					cnt.URL = Query{Offense: offense, Who: c.ID}.URL()
				}
			} else {
				cnt.Name, cnt.Detail = quantityLabel(value, unit, text), item
			}
			*l.dst = append(*l.dst, cnt)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("readingroom: cluster %s ties: %w", c.ID, err)
		}
	}
	return nil
}

// coMentioned lists the people and organizations (clusters) named in the
// cluster's filings, by how many filings name both.
func (s *Store) coMentioned(ctx context.Context, c *Cluster) error {
	for _, l := range []struct {
		typ string
		dst *[]Count
	}{{"PERSON", &c.CoPeople}, {"ORGANIZATION", &c.CoOrgs}} {
		// "o.type || ''" keeps the planner on each filing's own doc
		// entities rather than every doc entity of a type.
		rows, err := s.query(ctx, `SELECT o.cluster_id, cl.name, count(DISTINCT o.document_id) AS n
FROM doc_entities de JOIN doc_entities o ON o.document_id = de.document_id
JOIN clusters cl ON cl.id = o.cluster_id
WHERE de.cluster_id = ? AND o.cluster_id <> ? AND o.type || '' = ?
GROUP BY o.cluster_id, cl.name ORDER BY n DESC, cl.name LIMIT ?`, c.ID, c.ID, l.typ, maxEntityList)
		if err != nil {
			return fmt.Errorf("readingroom: cluster %s co-mentioned: %w", c.ID, err)
		}
		for rows.Next() {
			var id string
			var cnt Count
			if err := rows.Scan(&id, &cnt.Name, &cnt.N); err != nil {
				rows.Close()
				return fmt.Errorf("readingroom: cluster %s co-mentioned: %w", c.ID, err)
			}
			cnt.URL = ClusterURL(id)
			*l.dst = append(*l.dst, cnt)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("readingroom: cluster %s co-mentioned: %w", c.ID, err)
		}
	}
	return nil
}

// validClusterID reports whether id can be a cluster id (the sinks write
// a type letter, a dash and hex); anything else is not looked up.
func validClusterID(id string) bool {
	if id == "" || len(id) > 64 || !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
