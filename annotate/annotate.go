package annotate

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/casefile/casefile/annotate/casemeta"
	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/annotate/quantity"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/schemas"
)

// Annotator finds entities in pages of text. It is safe for concurrent use:
// all it holds is the shared, read-only Models.
type Annotator struct {
	models *Models

	keepFurniture bool // read stamps, line numbers and running heads as text (to measure what blanking them removes)
}

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
		pe.index = i
		res.Tokens += n
		all = append(all, pe)
	}
	tagGangs(all, findGangNames(all))
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
	}
	// The case block and its numbers and dates read the pages as filed:
	// the stamps blanked above are where a filing states its case number.
	kase, caseEnts := casemeta.Read(original)
	res.Case = kase
	res.Entities = append(res.Entities, caseEnts...)
	return res, nil
}

// outsideBlanks keeps the entities found in a page's blanked text that
// touch no hard furniture (what hard blanks), with the page's own text: an
// entity that ran over a blanked line number holds it in its text, as its
// span does, and is normalized without it.
func outsideBlanks(ents []schemas.Entity, text, hard string) []schemas.Entity {
	runes, hardRunes := []rune(text), []rune(hard)
	kept := ents[:0]
	for _, e := range ents {
		if e.Start < 0 || e.End > len(runes) || string(hardRunes[e.Start:e.End]) != string(runes[e.Start:e.End]) {
			continue
		}
		if own := string(runes[e.Start:e.End]); own != e.Text {
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
	defer func() {
		if v := recover(); v != nil {
			pe, ntok, err = pageEntities{}, 0, fmt.Errorf("annotate: prose panic on page %d: %v", p.Number, v)
		}
	}()
	runes := []rune(p.Text)
	ws := splitWords(runes)
	candidates, err := a.prosePeople(p, ws)
	if err != nil {
		return pageEntities{}, 0, err
	}
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
	people := findPeople(ws, taken, candidates, a.models.firstNames)
	take(people)
	spans := append(append(orgs, places...), people...)
	return pageEntities{page: p.Number, runes: runes, words: ws, spans: spans, taken: taken}, ntok, nil
}

// prosePeople runs prose's tagger and entity model where the rules are
// weakest — lines set in capitals (captions, defendant lists), given to
// prose in title case, which its model needs — and returns its PERSON
// chunks as word ranges. Elsewhere titles, given names and context find
// names more precisely than prose, which tags most capitalized words of
// legal and news text; running it only here keeps annotation fast.
func (a *Annotator) prosePeople(p schemas.Page, ws []word) ([][2]int, error) {
	text, any := capsLinesOnly(p.Text)
	if !any {
		return nil, nil
	}
	doc, err := prose.NewDocument(text,
		prose.UsingModel(a.models.prose),
		prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("annotate: prose page %d: %w", p.Number, err)
	}
	toks := doc.Tokens()
	al := newAligner(text)
	aligned := make([]alignedToken, len(toks))
	for i, t := range toks {
		sp, ok := al.next(t.Text)
		aligned[i] = alignedToken{Token: t, span: sp, ok: ok}
	}
	var out [][2]int
	for _, e := range chunkEntities(p, al.text, aligned) {
		if e.Type != schemas.Person {
			continue
		}
		from, to := wordsIn(ws, e.Start, e.End)
		if to > from {
			out = append(out, [2]int{from, to})
		}
	}
	return out, nil
}

// wordsIn returns the range of words lying within [start, end) code points.
func wordsIn(ws []word, start, end int) (int, int) {
	from := -1
	to := -1
	for i, w := range ws {
		if w.start >= start && w.end <= end {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	if from < 0 {
		return 0, 0
	}
	return from, to
}

// capsLinesOnly returns the page with lines set in capitals rewritten in
// Title Case and every other line blanked, one code point for one so that
// offsets do not move, and whether any line was kept.
func capsLinesOnly(s string) (string, bool) {
	lines := strings.Split(s, "\n")
	changed := false
	for i, line := range lines {
		blank := strings.Map(func(r rune) rune { return ' ' }, line)
		upper, letters := textscan.LetterCase(line)
		if letters < 4 || float64(upper) < 0.8*float64(letters) {
			lines[i] = blank
			continue
		}
		rs := []rune(line)
		prevLetter := false
		for k, r := range rs {
			if unicode.IsLetter(r) {
				if prevLetter {
					rs[k] = unicode.ToLower(r)
				}
				prevLetter = true
			} else {
				prevLetter = r == '\'' || r == '’'
			}
		}
		if t := string(rs); len(t) == len(line) {
			lines[i] = t
			changed = true
		} else {
			lines[i] = blank
		}
	}
	return strings.Join(lines, "\n"), changed
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

// proseTypes maps prose's entity labels to ours; labels not here are
// dropped. Only PERSON is used: on legal and news text prose's places and
// organizations are mostly wrong, and the rules find those.
var proseTypes = map[string]schemas.EntityType{"PERSON": schemas.Person}

type alignedToken struct {
	prose.Token
	span
	ok bool
}

// chunkEntities groups IOB-labelled tokens into entities. A chunk ends at a
// change of type, an unaligned token, or a line break: a name does not run
// across lines of a caption or a letterhead.
//
// folded is the page text as aligned (see proseFold): byte offsets in toks
// index it, code-point offsets index the page text too.
func chunkEntities(p schemas.Page, folded string, toks []alignedToken) []schemas.Entity {
	var out []schemas.Entity
	runes := []rune(p.Text)
	i := 0
	for i < len(toks) {
		typ, ok := entityLabel(toks[i])
		if !ok {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			t := toks[j]
			// prose labels most multi-word names B-X B-X, so any token of
			// the same type continues the chunk on the same line.
			l, ok := entityLabel(t)
			if !ok || l != typ || strings.ContainsRune(folded[toks[j-1].byteEnd:t.byteStart], '\n') {
				break
			}
			j++
		}
		if e, ok := makeEntity(p.Number, runes, toks[i:j], typ); ok {
			out = append(out, e)
		}
		i = j
	}
	return out
}

func entityLabel(t alignedToken) (string, bool) {
	if !t.ok || len(t.Label) < 3 || t.Label[1] != '-' {
		return "", false
	}
	return t.Label[2:], true
}

func makeEntity(page int, runes []rune, toks []alignedToken, label string) (schemas.Entity, bool) {
	typ, ok := proseTypes[label]
	if !ok {
		return schemas.Entity{}, false
	}
	for len(toks) > 0 && !hasLetter(toks[len(toks)-1].Text) {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return schemas.Entity{}, false
	}
	first, last := toks[0], toks[len(toks)-1]
	text := string(runes[first.start:last.end])
	if !hasUpper(text) || last.end-first.start < 2 {
		return schemas.Entity{}, false
	}
	return schemas.Entity{
		Type: typ, Text: text, Page: page, Start: first.start, End: last.end,
		Normalized: strings.Join(strings.Fields(text), " "), Source: schemas.SourceProse,
	}, true
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasUpper(s string) bool  { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }

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
