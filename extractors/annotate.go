package extractors

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/schemas"
)

// Annotator finds entities in pages of text. It is safe for concurrent use:
// all it holds is the shared, read-only Models.
type Annotator struct {
	models *Models
}

// NewAnnotator returns an Annotator over m, which must not be nil.
func NewAnnotator(m *Models) *Annotator { return &Annotator{models: m} }

// Stats counts the work an annotation did.
type Stats struct {
	Tokens int
}

// Annotate returns the entities of pages, each with its page number and
// code-point span in that page's text. Pages without text are skipped. It
// checks ctx between pages.
func (a *Annotator) Annotate(ctx context.Context, pages []schemas.Page) ([]schemas.Entity, Stats, error) {
	var (
		out   []schemas.Entity
		stats Stats
	)
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, stats, err
		}
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		ents, n, err := a.annotatePage(p)
		if err != nil {
			return nil, stats, err
		}
		stats.Tokens += n
		out = append(out, ents...)
	}
	return out, stats, nil
}

// proseTypes maps prose's entity labels to ours; labels not here are dropped.
var proseTypes = map[string]schemas.EntityType{
	"PERSON":       schemas.Person,
	"GPE":          schemas.Place,
	"LOCATION":     schemas.Place,
	"GSP":          schemas.Place,
	"ORGANIZATION": schemas.Organization,
}

type alignedToken struct {
	prose.Token
	span
	ok bool
}

func (a *Annotator) annotatePage(p schemas.Page) (ents []schemas.Entity, ntok int, err error) {
	defer func() {
		if v := recover(); v != nil {
			ents, ntok, err = nil, 0, fmt.Errorf("extractors: prose panic on page %d: %v", p.Number, v)
		}
	}()
	doc, err := prose.NewDocument(p.Text,
		prose.UsingModel(a.models.prose),
		prose.WithSegmentation(false))
	if err != nil {
		return nil, 0, fmt.Errorf("extractors: prose page %d: %w", p.Number, err)
	}
	toks := doc.Tokens()
	al := newAligner(p.Text)
	aligned := make([]alignedToken, len(toks))
	for i, t := range toks {
		sp, ok := al.next(t.Text)
		aligned[i] = alignedToken{Token: t, span: sp, ok: ok}
	}
	return chunkEntities(p, al.text, aligned), len(toks), nil
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
	// Trailing punctuation tokens are not part of a name.
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
		Type:       typ,
		Text:       text,
		Page:       page,
		Start:      first.start,
		End:        last.end,
		Normalized: strings.Join(strings.Fields(text), " "),
		Source:     schemas.SourceProse,
	}, true
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasUpper(s string) bool  { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
