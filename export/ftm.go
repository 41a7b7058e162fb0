package export

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Entity is one FollowTheMoney entity as its JSON-lines form has it.
type Entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// add appends non-empty values to a property, each once.
func (e *Entity) add(prop string, values ...string) {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" || slices.Contains(e.Properties[prop], v) {
			continue
		}
		if e.Properties == nil {
			e.Properties = map[string][]string{}
		}
		e.Properties[prop] = append(e.Properties[prop], v)
	}
}

// Stats counts what an export wrote.
type Stats struct {
	Documents int            // documents (records) read
	Mentions  int            // mention rows read
	Written   map[string]int // entities written per FtM schema, or rows per CSV file
}

func (st *Stats) count(name string) {
	if st.Written == nil {
		st.Written = map[string]int{}
	}
	st.Written[name]++
}

// Total is the number of entities or rows written.
func (st Stats) Total() int {
	n := 0
	for _, v := range st.Written {
		n += v
	}
	return n
}

// ftmSchema is the FtM schema of each kind of thing.
var ftmSchema = map[string]string{
	kindPerson:       "Person",
	kindOrganization: "Organization",
	kindPlace:        "Address",
}

// Roles of Documentation links.
const (
	roleNamed  = "named in"
	roleFiling = "filing in the case"
)

// openingTypes are document types whose filed date is the case's: the
// filings that open a case.
var openingTypes = []string{"indictment", "complaint", "information", "petition"}

// FtM writes the store as FollowTheMoney JSON lines to w, one entity per
// line, in an order and with ids that depend only on the store's content:
//
//   - Person, Organization and Address: one per name key of PERSON,
//     ORGANIZATION and PLACE mentions (see the package comment);
//   - Pages (a PDF) or PlainText: one per document;
//   - Documentation: one per thing and document naming it (role "named
//     in"), carrying every mention's page and code-point span in
//     description and the pages in summary, and one per filing of a case;
//   - CourtCase: one per case (case numbers of one court that any filing
//     lists together are one case), CourtCaseParty for the parties its
//     captions name, and LegalEntity for a named party no mention matches.
//
// It returns what it wrote; an error from the store or w ends it.
func (s *Store) FtM(ctx context.Context, w io.Writer) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	emit := func(e *Entity) error {
		st.count(e.Schema)
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	cases, err := s.caseIndex(ctx)
	if err != nil {
		return st, err
	}
	if err := s.things(ctx, func(t thing) error {
		e := &Entity{ID: t.ID, Schema: ftmSchema[t.Kind]}
		e.add("name", t.Name)
		e.add("alias", t.Aliases...)
		if t.Kind == kindPlace {
			e.add("full", t.Name)
		}
		return emit(e)
	}); err != nil {
		return st, err
	}
	agg := newCaseAgg()
	if err := s.documents(ctx, &st, func(d *document) error {
		return d.ftm(cases, agg, emit)
	}); err != nil {
		return st, err
	}
	if err := agg.emit(emit); err != nil {
		return st, err
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("export: %w", err)
	}
	return st, nil
}

// ftm writes a document's entity and its links.
func (d *document) ftm(cases *caseIndex, agg *caseAgg, emit func(*Entity) error) error {
	docID := id("document", d.ID)
	schema := "Pages"
	if d.ContentType != "application/pdf" {
		schema = "PlainText"
	}
	doc := &Entity{ID: docID, Schema: schema}
	file := path.Base(strings.ReplaceAll(d.Source, `\`, "/"))
	doc.add("name", file)
	doc.add("fileName", file)
	doc.add("title", d.Title)
	doc.add("mimeType", d.ContentType)
	doc.add("fileSize", strconv.FormatInt(d.Bytes, 10))
	doc.add("date", d.Filed)
	if strings.HasPrefix(d.Source, "https://") || strings.HasPrefix(d.Source, "http://") {
		doc.add("sourceUrl", d.Source)
	}
	summary := []string{}
	if d.DocType != "" {
		summary = append(summary, d.DocType)
	}
	summary = append(summary, plural(d.Pages, "page"))
	if d.Caption != "" {
		summary = append(summary, d.Caption)
	}
	doc.add("summary", strings.Join(summary, ", "))
	doc.add("notes", "casefile record "+d.ID+" from "+d.Source)
	doc.add("processingAgent", "casefile "+d.Version)
	doc.add("processedAt", ftmTime(d.ProcessedAt))
	if err := emit(doc); err != nil {
		return err
	}

	// One Documentation per thing named, in order of first mention.
	for _, g := range d.groups() {
		link := &Entity{ID: id("documentation", g.thingID, docID), Schema: "Documentation"}
		link.add("document", docID)
		link.add("entity", g.thingID)
		link.add("role", roleNamed)
		link.add("recordId", d.ID)
		link.add("date", d.Filed)
		pages := []string{}
		lines := make([]string, 0, len(g.mentions))
		for _, m := range g.mentions {
			p := strconv.Itoa(m.Page)
			if !slices.Contains(pages, p) {
				pages = append(pages, p)
			}
			lines = append(lines, fmt.Sprintf("page %d, characters %d-%d: %q", m.Page, m.Start, m.End, m.Text))
		}
		link.add("summary", fmt.Sprintf("%s on %s %s", plural(len(g.mentions), "mention"), pluralWord(len(pages), "page"), strings.Join(pages, ", ")))
		link.add("description", strings.Join(lines, "\n"))
		if err := emit(link); err != nil {
			return err
		}
	}

	caseID, ok := cases.caseOf(d.Court, d.CaseNumbers)
	if !ok {
		return nil
	}
	c := agg.get(caseID)
	if c.name == "" {
		c.name = d.Caption
	}
	c.court = firstNonEmpty(c.court, d.CourtName, d.Court)
	for _, n := range d.CaseNumbers {
		c.numbers[n] = true
	}
	if slices.Contains(openingTypes, d.DocType) && d.Filed != "" && (c.fileDate == "" || d.Filed < c.fileDate) {
		c.fileDate = d.Filed
	}
	link := &Entity{ID: id("documentation", caseID, docID), Schema: "Documentation"}
	link.add("document", docID)
	link.add("entity", caseID)
	link.add("role", roleFiling)
	link.add("recordId", d.ID)
	link.add("date", d.Filed)
	if err := emit(link); err != nil {
		return err
	}
	for _, p := range parties(d.Caption) {
		partyID, name := d.resolve(p.Name)
		if partyID == "" {
			partyID = id("party", fold(name))
			if _, ok := agg.partyNames[partyID]; !ok {
				agg.partyNames[partyID] = name
			}
		}
		c.parties[[2]string{partyID, p.Role}] = true
	}
	return nil
}

// resolve finds the thing a caption party names among the document's
// people and organizations: the same name, or for a one-word party (a
// surname) the one person whose name ends with it. It returns "" and the
// party's name when none or more than one fits.
func (d *document) resolve(name string) (string, string) {
	want := fold(name)
	for _, kind := range []string{kindPerson, kindOrganization} {
		for _, m := range d.Mentions {
			if m.Kind == kind && fold(m.Key) == want {
				return m.Thing, name
			}
		}
	}
	if strings.Contains(want, " ") {
		return "", name
	}
	var found, foundID string
	for _, m := range d.Mentions {
		if m.Kind != kindPerson {
			continue
		}
		words := strings.Fields(fold(m.Key))
		if len(words) > 1 && words[len(words)-1] == want {
			if found != "" && (found != m.Key || foundID != m.Thing) {
				return "", name
			}
			found, foundID = m.Key, m.Thing
		}
	}
	if found == "" {
		return "", name
	}
	return foundID, name
}

// group is the mentions of one thing in one document.
type group struct {
	thingID  string
	mentions []mention
}

// groups gathers a document's mentions by thing, in order of first mention.
func (d *document) groups() []group {
	var out []group
	at := map[string]int{}
	for _, m := range d.Mentions {
		tid := m.Thing
		i, ok := at[tid]
		if !ok {
			i = len(out)
			at[tid] = i
			out = append(out, group{thingID: tid})
		}
		out[i].mentions = append(out[i].mentions, m)
	}
	return out
}

// caseAgg gathers what the filings of each case say of it; it holds a few
// strings per case, not per filing.
type caseAgg struct {
	cases      map[string]*courtCase
	partyNames map[string]string
}

type courtCase struct {
	name, court, fileDate string
	numbers               map[string]bool
	parties               map[[2]string]bool // party id, role
}

func newCaseAgg() *caseAgg {
	return &caseAgg{cases: map[string]*courtCase{}, partyNames: map[string]string{}}
}

func (a *caseAgg) get(caseID string) *courtCase {
	c := a.cases[caseID]
	if c == nil {
		c = &courtCase{numbers: map[string]bool{}, parties: map[[2]string]bool{}}
		a.cases[caseID] = c
	}
	return c
}

// emit writes the cases, the parties no mention matched, and the case
// parties, each sorted by id.
func (a *caseAgg) emit(emit func(*Entity) error) error {
	for _, pid := range sortedKeys(a.partyNames) {
		e := &Entity{ID: pid, Schema: "LegalEntity"}
		e.add("name", a.partyNames[pid])
		if err := emit(e); err != nil {
			return err
		}
	}
	for _, cid := range sortedKeys(a.cases) {
		c := a.cases[cid]
		numbers := sortedKeys(c.numbers)
		e := &Entity{ID: cid, Schema: "CourtCase"}
		e.add("name", firstNonEmpty(c.name, numbers[0]))
		e.add("caseNumber", numbers...)
		e.add("court", c.court)
		e.add("fileDate", c.fileDate)
		if err := emit(e); err != nil {
			return err
		}
		links := make([][2]string, 0, len(c.parties))
		for k := range c.parties {
			links = append(links, k)
		}
		slices.SortFunc(links, func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) })
		for _, k := range links {
			l := &Entity{ID: id("case-party", cid, k[0], k[1]), Schema: "CourtCaseParty"}
			l.add("case", cid)
			l.add("party", k[0])
			l.add("role", k[1])
			if err := emit(l); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func plural(n int, word string) string { return strconv.Itoa(n) + " " + pluralWord(n, word) }

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// ftmTime formats a store timestamp (RFC 3339 text from SQLite, time from
// PostgreSQL) as an FtM date: seconds, UTC, no zone.
func ftmTime(v sql.NullString) string {
	if !v.Valid {
		return ""
	}
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if err != nil {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05")
}
