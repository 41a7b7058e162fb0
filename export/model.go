package export

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

//go:embed followthemoney/*.yaml
var schemaFiles embed.FS

// Model is the FollowTheMoney schema, read from its YAML files with
// inheritance resolved, for checking exported entities.
type Model struct {
	schemata map[string]*Schema
}

// Schema is one FtM schema with what it inherits.
type Schema struct {
	Name     string
	Abstract bool
	Extends  []string
	// Properties are its own and its ancestors', by name.
	Properties map[string]Property
	// Required are the properties it or an ancestor requires.
	Required []string
	// ancestors holds its own name and every ancestor's.
	ancestors map[string]bool
}

// Property is one property of a schema.
type Property struct {
	Name      string
	Type      string // "string" when the file names none
	Range     string // for type entity: the schema a value must be
	MaxLength int
}

// schemaSpec is a schema as a YAML file writes it.
type schemaSpec struct {
	Abstract   bool                    `yaml:"abstract"`
	Extends    []string                `yaml:"extends"`
	Required   []string                `yaml:"required"`
	Properties map[string]propertySpec `yaml:"properties"`
}

type propertySpec struct {
	Type      string `yaml:"type"`
	Range     string `yaml:"range"`
	MaxLength int    `yaml:"maxLength"`
}

// LoadModel reads the FtM schema files embedded in casefile (the subset its
// export writes, and the schemata they extend and reference).
func LoadModel() (*Model, error) {
	sub, err := fs.Sub(schemaFiles, "followthemoney")
	if err != nil {
		return nil, err
	}
	return LoadModelFS(sub)
}

// LoadModelFS reads every *.yaml and *.yml file of fsys as FtM schema
// files. It fails on a file that is not one, an unknown parent or range,
// or a cycle of extends.
func LoadModelFS(fsys fs.FS) (*Model, error) {
	specs := map[string]schemaSpec{}
	for _, glob := range []string{"*.yaml", "*.yml"} {
		names, err := fs.Glob(fsys, glob)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("export: ftm schema: %w", err)
			}
			var file map[string]schemaSpec
			if err := yaml.Unmarshal(data, &file); err != nil {
				return nil, fmt.Errorf("export: ftm schema %s: %w", name, err)
			}
			for k, v := range file {
				specs[k] = v
			}
		}
	}
	m := &Model{schemata: map[string]*Schema{}}
	for name := range specs {
		if _, err := m.resolve(name, specs, nil); err != nil {
			return nil, err
		}
	}
	for _, s := range m.schemata {
		for _, p := range s.Properties {
			if p.Type == "entity" {
				if _, ok := m.schemata[p.Range]; !ok {
					return nil, fmt.Errorf("export: ftm schema %s.%s: unknown range %q", s.Name, p.Name, p.Range)
				}
			}
		}
	}
	return m, nil
}

// resolve builds a schema after its parents: properties and requirements
// are inherited, a schema's own property overriding a parent's.
func (m *Model) resolve(name string, specs map[string]schemaSpec, path []string) (*Schema, error) {
	if s, ok := m.schemata[name]; ok {
		return s, nil
	}
	if slices.Contains(path, name) {
		return nil, fmt.Errorf("export: ftm schema: extends cycle %v", append(path, name))
	}
	spec, ok := specs[name]
	if !ok {
		return nil, fmt.Errorf("export: ftm schema: unknown schema %q (extended by %v)", name, path)
	}
	s := &Schema{Name: name, Abstract: spec.Abstract, Extends: spec.Extends,
		Properties: map[string]Property{}, ancestors: map[string]bool{name: true}}
	for _, parent := range spec.Extends {
		p, err := m.resolve(parent, specs, append(path, name))
		if err != nil {
			return nil, err
		}
		for k, v := range p.Properties {
			s.Properties[k] = v
		}
		for k := range p.ancestors {
			s.ancestors[k] = true
		}
		s.Required = append(s.Required, p.Required...)
	}
	for k, v := range spec.Properties {
		if v.Type == "" {
			v.Type = "string"
		}
		s.Properties[k] = Property{Name: k, Type: v.Type, Range: v.Range, MaxLength: v.MaxLength}
	}
	for _, r := range spec.Required {
		if !slices.Contains(s.Required, r) {
			s.Required = append(s.Required, r)
		}
	}
	m.schemata[name] = s
	return s, nil
}

// Schema returns a schema by name, or nil.
func (m *Model) Schema(name string) *Schema { return m.schemata[name] }

// Is reports whether s is schema name or descends from it.
func (s *Schema) Is(name string) bool { return s.ancestors[name] }

// Problem is one way an entity breaks the schema.
type Problem struct {
	Line     int // 1-based line of the JSON-lines input
	ID       string
	Property string
	Message  string
}

func (p Problem) String() string {
	s := fmt.Sprintf("line %d: entity %q", p.Line, p.ID)
	if p.Property != "" {
		s += " property " + p.Property
	}
	return s + ": " + p.Message
}

// CheckResult is what Check found.
type CheckResult struct {
	Entities int            // entities read
	Invalid  int            // entities with at least one problem
	Schemata map[string]int // entities per schema
	Problems []Problem
}

// maxLine bounds one line of FtM input.
const maxLine = 64 << 20

// entityID is FtM's form of an entity id (compiled at first use, as the
// value forms below, not at the start of every casefile process).
var entityID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$`) })

// Check reads FtM JSON lines and checks every entity: a known, not
// abstract schema; an id of FtM's form, given once; only properties of
// the schema or its ancestors, each value valid for the property's type
// (dates, countries, languages, numbers, URLs, MIME types, e-mail
// addresses, genders, checksums; length limits); the required properties
// present; and every entity-typed value the id of an entity of the input
// whose schema is the property's range or descends from it. It returns
// an error only for unreadable input (a line over 64 MiB, a read error);
// broken entities are Problems. It holds every id and reference of the
// input in memory.
func (m *Model) Check(r io.Reader) (CheckResult, error) {
	res := CheckResult{Schemata: map[string]int{}}
	type ref struct {
		line         int
		from, prop   string
		target, rang string
	}
	var refs []ref
	ids := map[string]string{} // id → schema
	bad := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		res.Entities++
		problem := func(id, prop, msg string, args ...any) {
			res.Problems = append(res.Problems, Problem{Line: line, ID: id, Property: prop, Message: fmt.Sprintf(msg, args...)})
			key := strconv.Itoa(line)
			if !bad[key] {
				bad[key] = true
				res.Invalid++
			}
		}
		var e struct {
			ID         string                     `json:"id"`
			Schema     string                     `json:"schema"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			problem("", "", "not an entity: %v", err)
			continue
		}
		if !entityID().MatchString(e.ID) || len(e.ID) > 128 {
			problem(e.ID, "", "id is not of FtM's form")
		} else if _, dup := ids[e.ID]; dup {
			problem(e.ID, "", "id given twice")
		}
		s := m.schemata[e.Schema]
		switch {
		case s == nil:
			problem(e.ID, "", "unknown schema %q", e.Schema)
			continue
		case s.Abstract:
			problem(e.ID, "", "schema %s is abstract", e.Schema)
		}
		ids[e.ID] = e.Schema
		res.Schemata[e.Schema]++
		for _, name := range slices.Sorted(mapKeys(e.Properties)) {
			p, ok := s.Properties[name]
			if !ok {
				problem(e.ID, name, "not a property of %s", s.Name)
				continue
			}
			var values []string
			if err := json.Unmarshal(e.Properties[name], &values); err != nil {
				problem(e.ID, name, "values are not a list of strings")
				continue
			}
			if len(values) == 0 {
				problem(e.ID, name, "no values")
			}
			for _, v := range values {
				if msg := checkValue(p, v); msg != "" {
					problem(e.ID, name, "%q: %s", clip(v), msg)
					continue
				}
				if p.Type == "entity" {
					refs = append(refs, ref{line, e.ID, name, v, p.Range})
				}
			}
		}
		for _, r := range s.Required {
			if _, ok := e.Properties[r]; !ok {
				problem(e.ID, r, "required by %s, missing", s.Name)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return res, fmt.Errorf("export: reading entities: %w", err)
	}
	for _, r := range refs {
		line = r.line
		target, ok := ids[r.target]
		switch {
		case !ok:
			res.Problems = append(res.Problems, Problem{Line: r.line, ID: r.from, Property: r.prop, Message: fmt.Sprintf("refers to %q, no entity of the input", r.target)})
		case !m.schemata[target].Is(r.rang):
			res.Problems = append(res.Problems, Problem{Line: r.line, ID: r.from, Property: r.prop, Message: fmt.Sprintf("refers to a %s, want a %s", target, r.rang)})
		default:
			continue
		}
		if key := strconv.Itoa(r.line); !bad[key] {
			bad[key] = true
			res.Invalid++
		}
	}
	return res, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}

var (
	dateForm = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$`)
	})
	mimeForm  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]+/[a-z0-9.+\-]+$`) })
	emailForm = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`) })
	hexForm   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{40}$`) })
	// dateLayouts by length of the value, for dateForm's prefixes.
	dateLayouts = map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02", 13: "2006-01-02T15", 16: "2006-01-02T15:04", 19: "2006-01-02T15:04:05"}
)

// checkValue returns what is wrong with v as a value of p, or "".
func checkValue(p Property, v string) string {
	if strings.TrimSpace(v) == "" {
		return "empty"
	}
	if !utf8.ValidString(v) {
		return "not UTF-8"
	}
	if p.MaxLength > 0 && utf8.RuneCountInString(v) > p.MaxLength {
		return fmt.Sprintf("longer than %d", p.MaxLength)
	}
	switch p.Type {
	case "entity":
		if !entityID().MatchString(v) {
			return "not an entity id"
		}
	case "date":
		if !dateForm().MatchString(v) {
			return "not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS)"
		}
		if _, err := time.Parse(dateLayouts[len(v)], v); err != nil {
			return "no such date"
		}
	case "country":
		if !isCountry(v) {
			return "not a country code (ISO 3166-1 alpha-2, lower case)"
		}
	case "language":
		if b, err := language.ParseBase(v); err != nil || len(v) != 3 || b.ISO3() != v {
			return "not an ISO 639-3 language code"
		}
	case "number":
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return "not a number"
		}
	case "url":
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "not an http(s) URL"
		}
	case "mimetype":
		if !mimeForm().MatchString(v) {
			return "not a MIME type"
		}
	case "email":
		if !emailForm().MatchString(v) {
			return "not an e-mail address"
		}
	case "gender":
		if v != "male" && v != "female" && v != "other" {
			return "not male, female or other"
		}
	case "checksum":
		if !hexForm().MatchString(v) {
			return "not a SHA-1 hex digest"
		}
	}
	return ""
}

// isCountry accepts FtM's country codes: ISO 3166-1 alpha-2 in lower case,
// and the few non-ISO codes FtM adds.
func isCountry(v string) bool {
	switch v {
	case "xk", "eu", "zz", "un", "csxx", "suhh", "ydye", "ge-ab", "x-so", "iq-kr", "cy-trnc", "az-nk", "md-pmr", "ua-lpr", "ua-dpr", "ua-cri", "so-som", "gb-wls", "gb-sct", "gb-nir", "gb-eng":
		return true
	}
	if len(v) != 2 || strings.ToLower(v) != v {
		return false
	}
	r, err := language.ParseRegion(v)
	return err == nil && r.IsCountry()
}
