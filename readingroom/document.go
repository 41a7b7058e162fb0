package readingroom

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// maxDocEntities bounds the mentions one document view reads.
const maxDocEntities = 100000

// Document is one filing as the document view shows it: the case block,
// a window of its pages with their mentions highlighted, and the side
// list of what it names.
type Document struct {
	DocSummary
	Bytes       int64
	ContentType string
	Title       string
	CourtName   string
	CaseNumbers []string
	Warnings    []string
	IngestedAt  string
	// From and To are the pages shown (1-based, inclusive); PrevURL and
	// NextURL lead to the neighbouring windows of a long filing.
	From, To         int
	PrevURL, NextURL string
	Pages            []DocPage
	// Side lists, each sorted by first mention.
	People, Places, Orgs []Group
	Quantities, Charges  []Group
	Mentions             int
}

// DocPage is one page with its text cut into highlight tokens.
type DocPage struct {
	Number int
	Method string
	Tokens []token
	Spans  int
}

// Group is one entry of a side list: the mentions of one doc entity (a
// person or organization of the filing, where the store has who-is-who
// tables), else mentions that share a name (or a quantity's value and
// unit, a charge's offense and statute).
type Group struct {
	Type    string
	Name    string
	Detail  string   // a charge's statute, a quantity's item
	Aliases []string // a doc entity's other names
	// URL is the entity page of a person or organization: its cluster,
	// else its normalized name.
	URL      string
	Mentions []MentionRef
}

// MentionRef links to one mention in the document view.
type MentionRef struct {
	Page int
	Seq  int
	URL  string
}

// IsPDF reports whether the filing's original is a PDF the reading room
// can link pages of.
func (d *Document) IsPDF() bool { return d.ContentType == "application/pdf" }

// Document reads filing id with pages from..from+docWindow-1 (from is
// clamped to the filing). It returns ErrNotFound when the store does not
// hold id.
func (s *Store) Document(ctx context.Context, id string, from int) (*Document, error) {
	d := &Document{}
	var title, courtName, caseNumbers, warnings sql.NullString
	err := s.queryRow(ctx, `SELECT `+docCols+`, d.bytes, d.content_type, d.title, d.court_name, `+
		s.text("d.case_numbers")+`, `+s.text("d.warnings")+`, `+s.text("d.ingested_at")+`
FROM documents d WHERE d.id = ?`, id).Scan(append(scanSummary(&d.DocSummary),
		&d.Bytes, &d.ContentType, &title, &courtName, &caseNumbers, &warnings, &d.IngestedAt)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("readingroom: document %s: %w", id, err)
	}
	d.Title, d.CourtName = title.String, courtName.String
	// Malformed JSON in a store column leaves the list empty rather than
	// failing the view.
	_ = json.Unmarshal([]byte(caseNumbers.String), &d.CaseNumbers)
	_ = json.Unmarshal([]byte(warnings.String), &d.Warnings)

	d.From = windowStart(min(max(from, 1), max(d.DocSummary.Pages, 1)))
	d.To = min(d.From+docWindow-1, max(d.DocSummary.Pages, 1))
	if d.From > 1 {
		d.PrevURL = docURL(id, d.From-docWindow, "")
	}
	if d.To < d.DocSummary.Pages {
		d.NextURL = docURL(id, d.To+1, "")
	}

	type mention struct {
		span
		page             int
		text             string
		kind, unit, item sql.NullString // kind is read for its column order only
		value            sql.NullFloat64
		offense, statute sql.NullString
	}
	rows, err := s.query(ctx, `SELECT seq, type, text, coalesce(normalized, ''), page, char_start, char_end,
    kind, value, unit, item, offense, statute
FROM entities WHERE document_id = ? ORDER BY page, char_start, seq LIMIT ?`, id, maxDocEntities)
	if err != nil {
		return nil, fmt.Errorf("readingroom: document %s entities: %w", id, err)
	}
	var ments []mention
	for rows.Next() {
		var m mention
		if err := rows.Scan(&m.Seq, &m.Type, &m.text, &m.Normalized, &m.page, &m.Start, &m.End,
			&m.kind, &m.value, &m.unit, &m.item, &m.offense, &m.statute); err != nil {
			rows.Close()
			return nil, fmt.Errorf("readingroom: document %s entities: %w", id, err)
		}
		ments = append(ments, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: document %s entities: %w", id, err)
	}
	d.Mentions = len(ments)
	ents, err := s.docEntities(ctx, id)
	if err != nil {
		return nil, err
	}

	byPage := map[int][]span{}
	groups := map[string]*Group{}
	var order []string
	for _, m := range ments {
		name, detail := m.Normalized, ""
		if name == "" {
			name = m.text
		}
		de := ents[m.Seq]
		switch {
		case de != nil:
			m.Entity = ClusterURL(de.cluster)
		case m.Type == "PERSON" || m.Type == "ORGANIZATION":
			m.Entity = entityURL(m.Type, name)
		}
		if m.page >= d.From && m.page <= d.To {
			byPage[m.page] = append(byPage[m.page], m.span)
		}
		if de != nil {
			key := "\x00de\x00" + de.id
			g, ok := groups[key]
			if !ok {
				g = &Group{Type: m.Type, Name: de.name, Aliases: de.aliases, URL: m.Entity}
				groups[key] = g
				order = append(order, key)
			}
			g.Mentions = append(g.Mentions, MentionRef{Page: m.page, Seq: m.Seq, URL: mentionURL(id, m.page, m.Seq, d.From)})
			continue
		}
		switch m.Type {
		case "QUANTITY":
			name, detail = quantityLabel(m.value, m.unit.String, m.text), m.item.String
		case "CHARGE":
			name, detail = m.offense.String, m.statute.String
			if name == "" {
				name = "(offense not named)"
			}
		case "PERSON", "PLACE", "ORGANIZATION":
		default:
			continue
		}
		key := m.Type + "\x00" + name + "\x00" + detail
		g, ok := groups[key]
		if !ok {
			g = &Group{Type: m.Type, Name: name, Detail: detail, URL: m.Entity}
			groups[key] = g
			order = append(order, key)
		}
		g.Mentions = append(g.Mentions, MentionRef{Page: m.page, Seq: m.Seq, URL: mentionURL(id, m.page, m.Seq, d.From)})
	}
	for _, k := range order {
		g := groups[k]
		switch g.Type {
		case "PERSON":
			d.People = append(d.People, *g)
		case "PLACE":
			d.Places = append(d.Places, *g)
		case "ORGANIZATION":
			d.Orgs = append(d.Orgs, *g)
		case "QUANTITY":
			d.Quantities = append(d.Quantities, *g)
		case "CHARGE":
			d.Charges = append(d.Charges, *g)
		}
	}

	prows, err := s.query(ctx, `SELECT number, method, text FROM pages
WHERE document_id = ? AND number BETWEEN ? AND ? ORDER BY number LIMIT ?`, id, d.From, d.To, docWindow)
	if err != nil {
		return nil, fmt.Errorf("readingroom: document %s pages: %w", id, err)
	}
	defer prows.Close()
	for prows.Next() {
		var p DocPage
		var text string
		if err := prows.Scan(&p.Number, &p.Method, &text); err != nil {
			return nil, fmt.Errorf("readingroom: document %s pages: %w", id, err)
		}
		spans := byPage[p.Number]
		p.Spans = len(spans)
		p.Tokens = highlight(text, spans)
		d.Pages = append(d.Pages, p)
	}
	if err := prows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: document %s pages: %w", id, err)
	}
	return d, nil
}

// docEntity is a person or organization of one filing (a doc_entities
// row) as the document view groups its mentions.
type docEntity struct {
	id, name, cluster string
	aliases           []string
}

// docEntities maps the mentions (entities seq) of filing id to their doc
// entities; nil where the store has no who-is-who tables.
func (s *Store) docEntities(ctx context.Context, id string) (map[int]*docEntity, error) {
	if !s.identity {
		return nil, nil
	}
	rows, err := s.query(ctx, `SELECT de.entity_id, de.name, de.cluster_id, `+s.text("de.aliases")+`, m.seq
FROM doc_entities de JOIN doc_entity_mentions m ON m.document_id = de.document_id AND m.entity_id = de.entity_id
WHERE de.document_id = ? ORDER BY de.entity_id LIMIT ?`, id, maxDocEntities)
	if err != nil {
		return nil, fmt.Errorf("readingroom: document %s doc entities: %w", id, err)
	}
	defer rows.Close()
	bySeq := map[int]*docEntity{}
	var last *docEntity
	for rows.Next() {
		var e docEntity
		var aliases string
		var seq int
		if err := rows.Scan(&e.id, &e.name, &e.cluster, &aliases, &seq); err != nil {
			return nil, fmt.Errorf("readingroom: document %s doc entities: %w", id, err)
		}
		if last == nil || last.id != e.id {
			_ = json.Unmarshal([]byte(aliases), &e.aliases) // a malformed column leaves none
			last = &e
		}
		bySeq[seq] = last
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: document %s doc entities: %w", id, err)
	}
	return bySeq, nil
}

// mentionURL links to mention seq on page: an anchor in the current
// window, else the window that holds it.
func mentionURL(id string, page, seq, from int) string {
	frag := "e-" + strconv.Itoa(seq)
	if windowStart(page) == from {
		return "#" + frag
	}
	return docURL(id, page, frag)
}

// quantityLabel is a quantity's value and unit as a reader writes them
// ("3 kg", "$1,500 USD", "life"); the mention's text when it has none.
func quantityLabel(v sql.NullFloat64, unit, text string) string {
	switch {
	case unit == "life":
		return "life"
	case !v.Valid:
		return text
	}
	num := strconv.FormatFloat(v.Float64, 'f', -1, 64)
	if unit == "" || unit == "count" {
		return num
	}
	return num + " " + unit
}
