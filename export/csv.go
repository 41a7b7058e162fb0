package export

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CSV files and their columns. README's Exports section documents them;
// a test holds the two in step.
var (
	thingColumns    = []string{"id", "name", "aliases", "documents", "mentions", "charges", "quantities"}
	mentionColumns  = []string{"document", "source", "page", "start", "end", "type", "text", "normalized", "entity_id", "extractor", "attrs"}
	quantityColumns = []string{"document", "source", "page", "start", "end", "text", "normalized", "kind", "value", "unit", "item", "attrs"}
	chargeColumns   = []string{"document", "source", "page", "start", "end", "text", "normalized", "offense", "statute", "count", "attrs"}

	thingFiles = map[string]string{
		kindPerson:       "people.csv",
		kindOrganization: "organizations.csv",
		kindPlace:        "places.csv",
	}
)

// CSVFiles names the files CSV writes, with their header rows.
func CSVFiles() map[string][]string {
	return map[string][]string{
		"people.csv":        thingColumns,
		"organizations.csv": thingColumns,
		"places.csv":        thingColumns,
		"mentions.csv":      mentionColumns,
		"quantities.csv":    quantityColumns,
		"charges.csv":       chargeColumns,
	}
}

// csvFile is one output file, written under a temporary name and renamed
// into place when complete, so a failed export leaves no half file.
type csvFile struct {
	name, tmp string
	f         *os.File
	bw        *bufio.Writer
	w         *csv.Writer
}

func createCSV(dir, name string, header []string) (*csvFile, error) {
	f, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	c := &csvFile{name: filepath.Join(dir, name), tmp: f.Name(), f: f, bw: bufio.NewWriterSize(f, 64<<10)}
	c.w = csv.NewWriter(c.bw)
	if err := c.w.Write(header); err != nil {
		c.abort()
		return nil, fmt.Errorf("export: %w", err)
	}
	return c, nil
}

func (c *csvFile) write(row []string) error {
	if err := c.w.Write(row); err != nil {
		return fmt.Errorf("export: %s: %w", c.name, err)
	}
	return nil
}

func (c *csvFile) commit() error {
	c.w.Flush()
	err := errors.Join(c.w.Error(), c.bw.Flush(), c.f.Sync(), c.f.Close())
	if err == nil {
		err = os.Rename(c.tmp, c.name)
	}
	if err != nil {
		os.Remove(c.tmp)
		return fmt.Errorf("export: %s: %w", c.name, err)
	}
	return nil
}

func (c *csvFile) abort() {
	c.f.Close()
	os.Remove(c.tmp)
}

// CSV writes the store as spreadsheet-ready CSV files (UTF-8, a header
// row, CSVFiles' columns) into dir, creating it: people, organizations and
// places one row per thing (as FtM exports them, same ids), mentions one
// row per mention of any type, quantities and charges one row per
// mention of theirs with their attributes as columns. Text cells that
// would start a formula (= + - @, or a leading tab or carriage return) are
// prefixed with a quote mark. A file is
// replaced only when complete.
func (s *Store) CSV(ctx context.Context, dir string) (st Stats, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return st, fmt.Errorf("export: %w", err)
	}
	var files []*csvFile
	defer func() {
		if err != nil {
			for _, f := range files {
				f.abort()
			}
		}
	}()
	open := func(name string, header []string) (*csvFile, error) {
		f, err := createCSV(dir, name, header)
		if err == nil {
			files = append(files, f)
		}
		return f, err
	}
	things := map[string]*csvFile{}
	for _, kind := range []string{kindPerson, kindOrganization, kindPlace} {
		if things[kind], err = open(thingFiles[kind], thingColumns); err != nil {
			return st, err
		}
	}
	mentions, err := open("mentions.csv", mentionColumns)
	if err != nil {
		return st, err
	}
	quantities, err := open("quantities.csv", quantityColumns)
	if err != nil {
		return st, err
	}
	charges, err := open("charges.csv", chargeColumns)
	if err != nil {
		return st, err
	}

	if err := s.things(ctx, func(t thing) error {
		st.count(thingFiles[t.Kind])
		return things[t.Kind].write([]string{t.ID, csvSafe(t.Name), csvSafe(strings.Join(t.Aliases, "; ")),
			strconv.Itoa(t.Documents), strconv.Itoa(t.Mentions), strconv.Itoa(t.Charges), strconv.Itoa(t.Quantities)})
	}); err != nil {
		return st, err
	}
	if err := s.mentions(ctx, func(m *mentionRow) error {
		st.Mentions++
		base := []string{m.Document, csvSafe(m.Source), strconv.Itoa(m.Page), strconv.Itoa(m.Start), strconv.Itoa(m.End)}
		entityID := mentionThing(thingKind(m.Type), nameKey(m.Text, m.Normalized), m.Cluster)
		st.count("mentions.csv")
		if err := mentions.write(append(base[:5:5], m.Type, csvSafe(m.Text), csvSafe(m.Normalized), entityID, m.Extractor, m.Attrs)); err != nil {
			return err
		}
		switch m.Type {
		case "QUANTITY":
			st.count("quantities.csv")
			return quantities.write(append(base[:5:5], csvSafe(m.Text), csvSafe(m.Normalized), m.Kind.String, number(m.Value),
				m.Unit.String, csvSafe(m.Item.String), m.Attrs))
		case "CHARGE":
			st.count("charges.csv")
			return charges.write(append(base[:5:5], csvSafe(m.Text), csvSafe(m.Normalized), csvSafe(m.Offense.String),
				csvSafe(m.Statute.String), number(m.Count), m.Attrs))
		}
		return nil
	}); err != nil {
		return st, err
	}
	for _, f := range files {
		if err := f.commit(); err != nil {
			return st, err
		}
	}
	files = nil
	return st, nil
}

// mentionRow is one row of the entities table with its document's source.
type mentionRow struct {
	Document, Source, Type, Text, Normalized, Extractor, Attrs string
	Cluster                                                    string
	Page, Start, End                                           int
	Kind, Unit, Item, Offense, Statute                         sql.NullString
	Value, Count                                               sql.NullFloat64
}

// mentions calls fn with every mention, by document and position.
func (s *Store) mentions(ctx context.Context, fn func(*mentionRow) error) error {
	q := s.sql(`SELECT e.document_id, d.source, e.page, e.char_start, e.char_end, e.type, e.text,
		COALESCE(e.normalized, ''), e.source, COALESCE(/*JSON*/e.attrs, ''),
		e.kind, e.value, e.unit, e.item, e.offense, e.statute, e.count, ` + s.clusterOf("e") + `
	FROM entities e JOIN documents d ON d.id = e.document_id
	` + s.clusterJoin("e") + `
	ORDER BY e.document_id/*C*/, e.seq`)
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("export: mentions: %w", err)
	}
	defer rows.Close()
	var m mentionRow
	for rows.Next() {
		if err := rows.Scan(&m.Document, &m.Source, &m.Page, &m.Start, &m.End, &m.Type, &m.Text,
			&m.Normalized, &m.Extractor, &m.Attrs,
			&m.Kind, &m.Value, &m.Unit, &m.Item, &m.Offense, &m.Statute, &m.Count, &m.Cluster); err != nil {
			return fmt.Errorf("export: mentions: %w", err)
		}
		if m.Attrs == "null" || m.Attrs == "{}" {
			m.Attrs = ""
		}
		if err := fn(&m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export: mentions: %w", err)
	}
	return nil
}

func number(v sql.NullFloat64) string {
	if !v.Valid {
		return ""
	}
	return strconv.FormatFloat(v.Float64, 'f', -1, 64)
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: text
// starting with = + - @ (or a tab or carriage return) gets a quote mark.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
