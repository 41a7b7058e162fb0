package export

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// document is one document row with its PERSON, ORGANIZATION and PLACE
// mentions: all a document's FtM entities need, and no page text.
type document struct {
	ID, Source, ContentType, Title     string
	Bytes                              int64
	Pages                              int
	Court, CourtName, Caption, DocType string
	Filed, Version                     string
	CaseNumbers                        []string
	ProcessedAt                        sql.NullString
	Mentions                           []mention
}

// mention is one PERSON, ORGANIZATION or PLACE mention of a document.
type mention struct {
	Seq             int
	Kind, Key, Text string
	Thing           string // the FtM id of the thing it names
	Page, Start     int
	End             int
}

// documents calls fn with each document and its mentions, in id order,
// reading one joined stream: memory holds one document's mentions.
func (s *Store) documents(ctx context.Context, st *Stats, fn func(*document) error) error {
	q := s.sql(`SELECT d.id, d.source, d.bytes, d.pages, d.content_type, COALESCE(d.title, ''),
		COALESCE(d.court, ''), COALESCE(d.court_name, ''), /*JSON*/d.case_numbers, COALESCE(d.caption, ''),
		COALESCE(d.doc_type, ''), COALESCE(d.filed, ''), d.casefile_version, d.processed_at,
		e.seq, e.type, e.text, e.normalized, e.page, e.char_start, e.char_end, ` + s.clusterOf("e") + `
	FROM documents d
	LEFT JOIN entities e ON e.document_id = d.id AND e.type IN ('PERSON', 'ORGANIZATION', 'PLACE')
	` + s.clusterJoin("e") + `
	ORDER BY d.id/*C*/, e.seq`)
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("export: documents: %w", err)
	}
	defer rows.Close()
	var cur *document
	for rows.Next() {
		var (
			d                     document
			numbers               string
			seq, page, start, end sql.NullInt64
			typ, text, normalized sql.NullString
			cluster               string
		)
		if err := rows.Scan(&d.ID, &d.Source, &d.Bytes, &d.Pages, &d.ContentType, &d.Title,
			&d.Court, &d.CourtName, &numbers, &d.Caption, &d.DocType, &d.Filed, &d.Version, &d.ProcessedAt,
			&seq, &typ, &text, &normalized, &page, &start, &end, &cluster); err != nil {
			return fmt.Errorf("export: documents: %w", err)
		}
		if cur == nil || cur.ID != d.ID {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			if err := json.Unmarshal([]byte(numbers), &d.CaseNumbers); err != nil {
				return fmt.Errorf("export: document %s: case_numbers: %w", d.ID, err)
			}
			st.Documents++
			cur = &d
		}
		// A mention listed by two doc entities comes twice: once is kept.
		if seq.Valid && (len(cur.Mentions) == 0 || cur.Mentions[len(cur.Mentions)-1].Seq != int(seq.Int64)) {
			st.Mentions++
			m := mention{
				Seq: int(seq.Int64), Kind: thingKind(typ.String), Key: nameKey(text.String, normalized.String),
				Text: text.String, Page: int(page.Int64), Start: int(start.Int64), End: int(end.Int64),
			}
			m.Thing = mentionThing(m.Kind, m.Key, cluster)
			cur.Mentions = append(cur.Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export: documents: %w", err)
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// thing is one person, organization or place: a cluster of the identity
// tables, or the mentions sharing a name key over the whole store.
type thing struct {
	ID, Kind, Name      string
	Aliases             []string
	Mentions, Documents int
	// Charges and Quantities count the CHARGE and QUANTITY mentions the
	// text ties to a cluster; zero for name-key things.
	Charges, Quantities int
}

// things calls fn with each thing: the clusters by type and id, then the
// name keys of mentions no cluster holds (places, and people and
// organizations of records without doc entities) by type and key.
func (s *Store) things(ctx context.Context, fn func(thing) error) error {
	if s.clustered {
		q := s.sql(`SELECT type, id, name, /*JSON*/aliases, filings, mentions, charges, quantities
		FROM clusters ORDER BY type, id/*C*/`)
		if err := s.each(ctx, "clusters", q, func(scan func(...any) error) error {
			var t thing
			var typ, aliases string
			if err := scan(&typ, &t.ID, &t.Name, &aliases, &t.Documents, &t.Mentions, &t.Charges, &t.Quantities); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(aliases), &t.Aliases); err != nil {
				return fmt.Errorf("cluster %s: aliases: %w", t.ID, err)
			}
			t.Kind = thingKind(typ)
			return fn(t)
		}); err != nil {
			return err
		}
	}
	q := s.sql(`SELECT e.type, ` + keySQL + `, count(*), count(DISTINCT e.document_id)
	FROM entities e ` + s.clusterJoin("e") + `
	WHERE e.type IN ('ORGANIZATION', 'PERSON', 'PLACE') AND ` + s.clusterOf("e") + ` = ''
	GROUP BY e.type, ` + keySQL + `
	ORDER BY e.type, ` + keySQL + `/*C*/`)
	return s.each(ctx, "names", q, func(scan func(...any) error) error {
		var t thing
		var typ string
		if err := scan(&typ, &t.Name, &t.Mentions, &t.Documents); err != nil {
			return err
		}
		t.Kind = thingKind(typ)
		t.ID = thingID(t.Kind, t.Name)
		return fn(t)
	})
}

// each runs a query and calls fn with each row's scanner.
func (s *Store) each(ctx context.Context, what, q string, fn func(scan func(...any) error) error) error {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("export: %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return fmt.Errorf("export: %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export: %s: %w", what, err)
	}
	return nil
}

// clusterJoin joins an entities row (alias e) to the doc entity listing it
// (alias de), when the store has the identity tables.
func (s *Store) clusterJoin(e string) string {
	if !s.clustered {
		return ""
	}
	return `LEFT JOIN doc_entity_mentions dm ON dm.document_id = ` + e + `.document_id AND dm.seq = ` + e + `.seq
	LEFT JOIN doc_entities de ON de.document_id = dm.document_id AND de.entity_id = dm.entity_id`
}

// clusterOf is the SQL of a joined mention's cluster id, ” for none.
func (s *Store) clusterOf(string) string {
	if !s.clustered {
		return `''`
	}
	return `COALESCE(de.cluster_id, '')`
}

// mentionThing is the FtM id of the thing a mention names: its cluster's
// id, else its name key's; "" for mentions that name no thing.
func mentionThing(kind, key, cluster string) string {
	switch {
	case kind == "":
		return ""
	case cluster != "" && kind != kindPlace:
		return cluster
	}
	return thingID(kind, key)
}

// caseIndex joins the case numbers of one court that any document lists
// together: numbers in one set are one case. It holds each distinct number
// once, whatever the number of filings.
type caseIndex struct {
	parent map[string]string
}

func caseKey(court, number string) string { return court + "\x00" + fold(number) }

func (c *caseIndex) find(k string) string {
	root := k
	for {
		p, ok := c.parent[root]
		if !ok || p == root {
			break
		}
		root = p
	}
	for k != root { // path compression
		next := c.parent[k]
		c.parent[k] = root
		k = next
	}
	return root
}

// union joins two numbers' sets under the smaller key, so the root, and
// with it the case id, does not depend on the order documents come in.
func (c *caseIndex) union(a, b string) {
	if _, ok := c.parent[a]; !ok {
		c.parent[a] = a
	}
	if _, ok := c.parent[b]; !ok {
		c.parent[b] = b
	}
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
}

// caseOf is the FtM id of the case a document's numbers belong to; false
// when it lists none.
func (c *caseIndex) caseOf(court string, numbers []string) (string, bool) {
	if len(numbers) == 0 {
		return "", false
	}
	return id("case", c.find(caseKey(court, numbers[0]))), true
}

// caseIndex reads every document's court and case numbers.
func (s *Store) caseIndex(ctx context.Context) (*caseIndex, error) {
	rows, err := s.db.QueryContext(ctx, s.sql(`SELECT COALESCE(court, ''), /*JSON*/case_numbers FROM documents`))
	if err != nil {
		return nil, fmt.Errorf("export: cases: %w", err)
	}
	defer rows.Close()
	c := &caseIndex{parent: map[string]string{}}
	for rows.Next() {
		var court, raw string
		if err := rows.Scan(&court, &raw); err != nil {
			return nil, fmt.Errorf("export: cases: %w", err)
		}
		var numbers []string
		if err := json.Unmarshal([]byte(raw), &numbers); err != nil {
			return nil, fmt.Errorf("export: cases: %w", err)
		}
		for _, n := range numbers {
			c.union(caseKey(court, numbers[0]), caseKey(court, n))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("export: cases: %w", err)
	}
	return c, nil
}
