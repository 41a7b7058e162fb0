package readingroom

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Bounds of an entity page.
const (
	maxEntityRows = 2000 // (filing, page) pairs listed
	maxEntityList = 40   // forms, charges, quantities, co-mentioned people
)

// Entity is one person or organization across the store: every filing and
// page whose mentions carry its normalized name (in any of its letter
// cases), the ways the filings write it, and what shares its pages.
type Entity struct {
	Type, Name string
	// Forms are the normalized names matched: the name as asked, upper
	// case and title case ("JULIAN L. ANDRÉ", "Julian L. André").
	Forms []string
	// WrittenAs are the mentions' own texts, most frequent first.
	WrittenAs []Count
	Filings   []EntityFiling
	Mentions  int
	Capped    bool // more (filing, page) pairs than maxEntityRows
	// Charges and Quantities appear on the pages that name the entity;
	// CoMentioned are the other people named there.
	Charges, Quantities, CoMentioned []Count
	// Clusters are the who-is-who entities whose mentions carry the
	// name, where the store has them: the pages a reader should follow.
	Clusters []Count
}

// EntityFiling is one filing naming the entity, with the pages that do.
type EntityFiling struct {
	Doc      DocSummary
	Pages    []MentionRef
	Mentions int
}

// Count is a name (or an offense, a quantity) with how many mentions or
// filings have it, and where it leads.
type Count struct {
	Name, Detail string
	N            int
	URL          string
}

// entityTypes are the types an entity page is for.
var entityTypes = []string{"PERSON", "ORGANIZATION", "PLACE"}

func entityURL(typ, name string) string {
	return "/entity?" + url.Values{"type": {typ}, "name": {name}}.Encode()
}

// nameForms are the letter-case variants of a normalized name a store may
// hold for one referent: as given, upper case, title case.
func nameForms(name string) []string {
	forms := []string{name}
	for _, f := range []string{strings.ToUpper(name), cases.Title(language.Und).String(strings.ToLower(name))} {
		if !containsString(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Entity reads the entity typ/name. It returns ErrNotFound when no mention
// of that type carries the name.
func (s *Store) Entity(ctx context.Context, typ, name string) (*Entity, error) {
	if !containsString(entityTypes, typ) || name == "" {
		return nil, ErrNotFound
	}
	e := &Entity{Type: typ, Name: name, Forms: nameForms(name)}
	in := "(?" + strings.Repeat(", ?", len(e.Forms)-1) + ")"
	args := []any{typ}
	for _, f := range e.Forms {
		args = append(args, f)
	}
	withArgs := func(more ...any) []any { return append(args[:len(args):len(args)], more...) }

	rows, err := s.query(ctx, `SELECT `+docCols+`, e.page, min(e.seq), count(*)
FROM entities e JOIN documents d ON d.id = e.document_id
WHERE e.type = ? AND e.normalized IN `+in+`
GROUP BY d.id, d.source, d.caption, d.court, d.doc_type, d.filed, d.pages, e.page
ORDER BY d.filed IS NULL, d.filed, d.source, d.id, e.page LIMIT ?`, withArgs(maxEntityRows+1)...)
	if err != nil {
		return nil, fmt.Errorf("readingroom: entity: %w", err)
	}
	n := 0
	for rows.Next() {
		n++
		if n > maxEntityRows {
			e.Capped = true
			break
		}
		var doc DocSummary
		var page, seq, count int
		if err := rows.Scan(append(scanSummary(&doc), &page, &seq, &count)...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("readingroom: entity: %w", err)
		}
		if len(e.Filings) == 0 || e.Filings[len(e.Filings)-1].Doc.ID != doc.ID {
			e.Filings = append(e.Filings, EntityFiling{Doc: doc})
		}
		f := &e.Filings[len(e.Filings)-1]
		f.Pages = append(f.Pages, MentionRef{Page: page, Seq: seq, URL: docURL(doc.ID, page, fmt.Sprintf("e-%d", seq))})
		f.Mentions += count
		e.Mentions += count
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: entity: %w", err)
	}
	if len(e.Filings) == 0 {
		return nil, ErrNotFound
	}

	if s.identity {
		rows, err := s.query(ctx, `SELECT c.id, c.name, c.filings FROM clusters c WHERE c.id IN (
    SELECT de.cluster_id FROM entities e
    JOIN doc_entity_mentions m ON m.document_id = e.document_id AND m.seq = e.seq
    JOIN doc_entities de ON de.document_id = m.document_id AND de.entity_id = m.entity_id
    WHERE e.type = ? AND e.normalized IN `+in+`)
ORDER BY c.filings DESC, c.name, c.id LIMIT ?`, withArgs(maxEntityList)...)
		if err != nil {
			return nil, fmt.Errorf("readingroom: entity clusters: %w", err)
		}
		for rows.Next() {
			var c Count
			var id string
			if err := rows.Scan(&id, &c.Name, &c.N); err != nil {
				rows.Close()
				return nil, fmt.Errorf("readingroom: entity clusters: %w", err)
			}
			c.URL = ClusterURL(id)
			e.Clusters = append(e.Clusters, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("readingroom: entity clusters: %w", err)
		}
	}

	// The pages that name the entity, as a subquery the lists below join.
	// "o.type || ''" keeps the planner on each filing's own entities rather
	// than every entity of the type, in SQLite and PostgreSQL alike.
	named := `(SELECT DISTINCT document_id, page FROM entities WHERE type = ? AND normalized IN ` + in + ` LIMIT ` +
		fmt.Sprint(maxEntityRows) + `) n`
	lists := []struct {
		dst  *[]Count
		sql  string
		link func(name string) string
	}{
		{&e.WrittenAs, `SELECT text, '', count(*) AS c FROM entities WHERE type = ? AND normalized IN ` + in +
			` GROUP BY text ORDER BY c DESC, text LIMIT ?`, nil},
		{&e.Charges, `SELECT coalesce(o.offense, ''), coalesce(o.statute, ''), count(DISTINCT o.document_id) AS c FROM ` + named +
			` JOIN entities o ON o.document_id = n.document_id AND o.page = n.page AND o.type || '' = 'CHARGE'
GROUP BY o.offense, o.statute ORDER BY c DESC, 1, 2 LIMIT ?`, func(name string) string {
			if name == "" {
				return ""
			}
			return Query{Offense: name}.URL()
		}},
		{&e.Quantities, `SELECT o.text, coalesce(o.item, ''), count(DISTINCT o.document_id) AS c FROM ` + named +
			` JOIN entities o ON o.document_id = n.document_id AND o.page = n.page AND o.type || '' = 'QUANTITY'
GROUP BY o.text, o.item ORDER BY c DESC, 1, 2 LIMIT ?`, nil},
		{&e.CoMentioned, `SELECT o.normalized, '', count(DISTINCT o.document_id) AS c FROM ` + named +
			` JOIN entities o ON o.document_id = n.document_id AND o.page = n.page AND o.type || '' = 'PERSON'
WHERE o.normalized IS NOT NULL AND o.normalized NOT IN ` + in + `
GROUP BY o.normalized ORDER BY c DESC, 1 LIMIT ?`, func(name string) string { return entityURL("PERSON", name) }},
	}
	for i, l := range lists {
		a := withArgs()
		if i == 3 {
			for _, f := range e.Forms {
				a = append(a, f)
			}
		}
		a = append(a, maxEntityList)
		rows, err := s.query(ctx, l.sql, a...)
		if err != nil {
			return nil, fmt.Errorf("readingroom: entity: %w", err)
		}
		for rows.Next() {
			var c Count
			if err := rows.Scan(&c.Name, &c.Detail, &c.N); err != nil {
				rows.Close()
				return nil, fmt.Errorf("readingroom: entity: %w", err)
			}
			if l.link != nil {
				c.URL = l.link(c.Name)
			}
			*l.dst = append(*l.dst, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("readingroom: entity: %w", err)
		}
	}
	return e, nil
}
