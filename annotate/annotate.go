package annotate

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/casefile/casefile/annotate/casemeta"
	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/annotate/quantity"
	"github.com/casefile/casefile/annotate/referent"

	"github.com/casefile/casefile/schemas"
)

// Annotator finds entities in pages of text. It is safe for concurrent use:
// all it holds is the shared, read-only Models.
type Annotator struct {
	// MaxEntities bounds the entities of one document: past it Annotate
	// stops and returns ErrTooManyEntities. If zero, DefaultMaxEntities.
	MaxEntities int

	models *Models

	keepFurniture bool // read stamps, line numbers and running heads as text (to measure what blanking them removes)
}

// DefaultMaxEntities bounds a document's entities when
// Annotator.MaxEntities is zero: each costs memory here and about 200
// bytes of record in every store, and the densest filing of the corpus
// has a few thousand.
const DefaultMaxEntities = 100_000

// ErrTooManyEntities is returned, wrapped, by Annotate and Record when a
// document has more than MaxEntities entities. It names its dead-letter
// reason (a Reason method), so that the stages file it without knowing
// this package.
var ErrTooManyEntities error = limitError{"annotate: too many entities", schemas.ReasonAnnotateTooManyEnts}

// limitError is a limit a document passed, and the reason it is filed under.
type limitError struct {
	msg    string
	reason schemas.Reason
}

func (e limitError) Error() string { return e.msg }

// Reason is the dead-letter reason of a document that passed the limit.
func (e limitError) Reason() schemas.Reason { return e.reason }

// NewAnnotator returns an Annotator over m, which must not be nil.
func NewAnnotator(m *Models) *Annotator { return &Annotator{models: m} }

// Annotation is everything Annotate finds in one document.
type Annotation struct {
	// Case describes the filing itself: court, case numbers, caption,
	// document type, filed date.
	Case schemas.Case
	// Entities are every entity of every type, page by page in order of
	// position, then the case numbers and dates.
	Entities []schemas.Entity
	// DocEntities group the PERSON and ORGANIZATION entities by referent
	// (see package referent), referencing Entities by index.
	DocEntities []schemas.DocEntity
	// Tokens counts the words and punctuation marks read.
	Tokens int
}

// Annotate reads a document's pages once and returns its entities, each
// with its page number and code-point span in that page's text, and its
// case block. Pages without text are skipped. It checks ctx between pages.
func (a *Annotator) Annotate(ctx context.Context, pages []schemas.Page) (Annotation, error) {
	var (
		res Annotation
		all []pageEntities
	)
	maxEnts := a.MaxEntities
	if maxEnts <= 0 {
		maxEnts = DefaultMaxEntities
	}
	found := 0 // names so far: stop reading pages once they pass the limit
	original, hard := pages, pages
	if !a.keepFurniture {
		pages, hard = slices.Clone(pages), slices.Clone(pages)
		spans, numbers := furniture(original)
		for i := range original {
			hard[i].Text = blank(original[i].Text, spans[i])
			pages[i].Text = blank(original[i].Text, slices.Concat(spans[i], numbers[i]))
		}
	}
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return Annotation{}, err
		}
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		pe, n, err := a.annotatePage(p)
		if err != nil {
			return Annotation{}, err
		}
		if found += len(pe.spans); found > maxEnts {
			return Annotation{}, fmt.Errorf("%w: more than %d names by page %d", ErrTooManyEntities, maxEnts, p.Number)
		}
		pe.index = i
		res.Tokens += n
		all = append(all, pe)
	}
	names := findGangNames(all)
	short := companyShortNames(all, names)
	retypeCompanyNames(all, short)
	tagGangs(all, names)
	dropCommonWordNames(all, a.models)
	propagateSurnames(all)
	for _, pe := range all {
		ents := pe.entities()
		p := pages[pe.index]
		ents = append(ents, quantity.Find(p)...)
		ents = append(ents, a.models.charges.Find(p)...)
		ents = dropGangNumbers(ents)
		ents = outsideBlanks(ents, original[pe.index].Text, hard[pe.index].Text)
		sort.SliceStable(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
		res.Entities = append(res.Entities, ents...)
		if len(res.Entities) > maxEnts {
			return Annotation{}, fmt.Errorf("%w: more than %d by page %d", ErrTooManyEntities, maxEnts, p.Number)
		}
	}
	// The case block and its numbers and dates read the pages as filed:
	// the stamps blanked above are where a filing states its case number.
	kase, caseEnts := casemeta.Read(original)
	res.Case = kase
	res.Entities = append(res.Entities, caseEnts...)
	if len(res.Entities) > maxEnts {
		return Annotation{}, fmt.Errorf("%w: %d with the case numbers and dates, limit %d", ErrTooManyEntities, len(res.Entities), maxEnts)
	}
	res.DocEntities = referent.Group(res.Entities, original)
	return res, nil
}

// outsideBlanks keeps the entities found in a page's blanked text that
// touch no hard furniture (what hard blanks), with the page's own text: an
// entity that ran over a blanked line number holds it in its text, as its
// span does, and is normalized without it.
func outsideBlanks(ents []schemas.Entity, text, hard string) []schemas.Entity {
	// Spans count code points; on an ASCII page (most pages) those are
	// bytes, and the page is sliced as it is instead of decoded twice.
	ascii := textscan.IsASCII(text) && textscan.IsASCII(hard)
	var runes, hardRunes []rune
	n := min(len(text), len(hard))
	if !ascii {
		runes, hardRunes = []rune(text), []rune(hard)
		n = min(len(runes), len(hardRunes))
	}
	kept := ents[:0]
	for _, e := range ents {
		if e.Start < 0 || e.End > n || e.Start > e.End {
			continue
		}
		var own string
		if ascii {
			if hard[e.Start:e.End] != text[e.Start:e.End] {
				continue
			}
			own = text[e.Start:e.End]
		} else {
			if !slices.Equal(hardRunes[e.Start:e.End], runes[e.Start:e.End]) {
				continue
			}
			own = string(runes[e.Start:e.End])
		}
		if own != e.Text {
			if e.Normalized == "" || e.Normalized == e.Text {
				e.Normalized = strings.Join(strings.Fields(e.Text), " ")
			}
			e.Text = own
		}
		kept = append(kept, e)
	}
	return kept
}

// pageEntities is one page's words and the spans found in them.
type pageEntities struct {
	index int // in the pages given to Annotate
	page  int
	runes []rune
	words []word
	spans []wordSpan
	taken []bool
}

func (a *Annotator) annotatePage(p schemas.Page) (pe pageEntities, ntok int, err error) {
	runes := []rune(p.Text)
	ws := splitWords(runes)
	ntok = len(ws)
	taken := make([]bool, len(ws))
	take := func(spans []wordSpan) {
		for _, s := range spans {
			for k := s.from; k < s.to; k++ {
				taken[k] = true
			}
		}
	}
	orgs := findOrganizations(ws, a.models.gaz)
	take(orgs)
	places := findPlaces(ws, a.models.gaz, taken, a.models.firstNames)
	take(places)
	people := findPeople(ws, taken, a.models.firstNames)
	take(people)
	spans := append(append(orgs, places...), people...)
	return pageEntities{page: p.Number, runes: runes, words: ws, spans: spans, taken: taken}, ntok, nil
}

// entities turns the page's spans into record entities.
func (pe pageEntities) entities() []schemas.Entity {
	out := make([]schemas.Entity, 0, len(pe.spans))
	for _, s := range pe.spans {
		start, end := pe.words[s.from].start, pe.words[s.to-1].end
		// Possessive endings are not part of names: "Wilson’s", "NYPD’s".
		if t := string(pe.runes[start:end]); strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'s") {
			end -= 2
		}
		if end <= start {
			continue
		}
		text := string(pe.runes[start:end])
		norm := s.norm
		if norm == "" {
			norm = strings.Join(strings.Fields(text), " ")
		}
		out = append(out, schemas.Entity{
			Type: s.typ, Text: text, Page: pe.page, Start: start, End: end,
			Normalized: norm, Source: s.source,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// dropCommonWordNames removes one-word names that the document itself
// writes in lower case elsewhere and that no name list holds: after a
// title, "Executive", "Associate" or "Resources" is a word of the title's
// phrase, not a surname. A surname the lists do not know ("Wolfenbarger")
// is never written in lower case, and a listed one ("Young", "Will")
// stays whatever the document does with the word. A nickname after an
// alias marker stays too: a quoted message may write it in lower case.
func dropCommonWordNames(pages []pageEntities, m *Models) {
	lower := map[string]bool{}
	for _, pe := range pages {
		for _, w := range pe.words {
			if !w.punct && len(w.text) > 2 && w.text == strings.ToLower(w.text) {
				lower[w.text] = true
			}
		}
	}
	for pi := range pages {
		pe := &pages[pi]
		kept := pe.spans[:0]
		for _, s := range pe.spans {
			if s.typ == schemas.Person && s.to-s.from == 1 && s.rule != "alias" {
				l := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(pe.words[s.from].text, "’s"), "'s"))
				if lower[l] && !m.surnames[l] && !m.firstNames[l] {
					pe.taken[s.from] = false
					continue
				}
			}
			kept = append(kept, s)
		}
		pe.spans = kept
	}
}

// propagateSurnames tags a later bare surname as a mention of the full name
// found earlier in the document: "Doe" → normalized "John Doe".
func propagateSurnames(pages []pageEntities) {
	full := map[string]string{} // surname → full name
	for _, pe := range pages {
		for _, s := range pe.spans {
			if s.typ == schemas.Person && s.to-s.from >= 2 {
				last := pe.words[s.to-1]
				sur := strings.TrimSuffix(strings.TrimSuffix(last.text, "’s"), "'s")
				if strings.HasSuffix(sur, ".") && s.to-s.from >= 3 { // "Jr."
					sur = pe.words[s.to-2].text
				}
				if _, ok := full[strings.ToLower(sur)]; !ok && len([]rune(sur)) > 2 {
					full[strings.ToLower(sur)] = strings.Join(strings.Fields(string(pe.runes[pe.words[s.from].start:last.end])), " ")
				}
			}
		}
	}
	for pi := range pages {
		pe := &pages[pi]
		for i, w := range pe.words {
			if pe.taken[i] || w.punct || !w.capitalized() {
				continue
			}
			// A surname joined by "&" names a firm or a company
			// ("Yagman & Yagman & Reichman", "Roberts & Lawrence").
			if i > 0 && pe.words[i-1].text == "&" || i+1 < len(pe.words) && pe.words[i+1].text == "&" {
				continue
			}
			key := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w.text, "’s"), "'s"))
			if name, ok := full[key]; ok && !stopCaps[key] {
				// "TAURY WELLS" again where no rule found it: the whole name.
				from, parts := i, strings.Fields(name)
				for n := len(parts) - 2; n >= 0 && from > 0 && !pe.taken[from-1] && pe.words[from-1].line == w.line &&
					strings.EqualFold(pe.words[from-1].text, parts[n]); n-- {
					from--
				}
				if i-from != len(parts)-1 {
					from = i // all of the name or its surname alone
				}
				pe.spans = append(pe.spans, wordSpan{from: from, to: i + 1, typ: schemas.Person, norm: name, source: schemas.SourceRule, rule: "surname"})
				for k := from; k <= i; k++ {
					pe.taken[k] = true
				}
			}
		}
	}
}

// dropGangNumbers removes quantities that begin where an organization
// does: "200 members" of the gang "200" counts nothing (A8).
func dropGangNumbers(ents []schemas.Entity) []schemas.Entity {
	orgAt := map[int]bool{}
	for _, e := range ents {
		if e.Type == schemas.Organization {
			orgAt[e.Start] = true
		}
	}
	out := ents[:0]
	for _, e := range ents {
		if e.Type == schemas.Quantity && orgAt[e.Start] {
			continue
		}
		out = append(out, e)
	}
	return out
}
