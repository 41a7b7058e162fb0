package nertrain

import (
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/casefile/casefile/schemas"
)

// token is one prose token with its offsets in the ASCII-folded text,
// which are code-point offsets in the original.
type token struct {
	start, end int
	label      string
}

// tokenize splits ASCII text as prose does, without tagging, and returns
// the tokens with their offsets; false if prose panics or drops text.
func tokenize(text string) (toks []token, ok bool) {
	defer func() {
		if recover() != nil {
			toks, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return nil, false
	}
	return align(text, doc.Tokens(), true)
}

// align places prose's tokens, which are substrings of text in order, and
// keeps their labels. prose's tokenizer drops some text (the rest of a word
// after a contraction it cannot split, as in "Lopez'm0"); strict refuses
// that, as training must, for prose's trainer places labels by adding up
// token lengths. Otherwise a token is searched for after the previous one.
func align(text string, ptoks []prose.Token, strict bool) ([]token, bool) {
	out := make([]token, 0, len(ptoks))
	pos := 0
	for _, t := range ptoks {
		i := strings.Index(text[pos:], t.Text)
		if t.Text == "" || i < 0 || (strict && strings.TrimSpace(text[pos:pos+i]) != "") {
			return nil, false
		}
		start := pos + i
		pos = start + len(t.Text)
		out = append(out, token{start: start, end: pos, label: t.Label})
	}
	return out, true
}

// Decoding is how a Tagger labels tokens with a trained classifier.
type Decoding int

const (
	// ProseDecoding is prose's own (Document.Tokens after NewDocument).
	ProseDecoding Decoding = iota
	// TrainingFeatures labels tokens with the features as training built
	// them; see classifier.
	TrainingFeatures
)

// Tagger runs a trained model over pages. It holds the model read-only;
// prose's tagging keeps no state between documents, so a Tagger may be
// shared.
type Tagger struct {
	model *prose.Model
	cls   *classifier // nil for ProseDecoding
}

// NewTagger returns a Tagger over m, which must not be nil, labelling as d
// says. For TrainingFeatures it writes m's classifier to a temporary
// directory and reads it back; it returns errors of writing and reading.
func NewTagger(m *prose.Model, d Decoding) (*Tagger, error) {
	t := &Tagger{model: m}
	if d != TrainingFeatures {
		return t, nil
	}
	dir, err := os.MkdirTemp("", "nertrain-")
	if err != nil {
		return nil, fmt.Errorf("nertrain: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := Save(m, dir); err != nil {
		return nil, err
	}
	if t.cls, err = readClassifier(dir); err != nil {
		return nil, err
	}
	return t, nil
}

// LoadTagger returns a Tagger over the model Save wrote in dir.
func LoadTagger(dir string, d Decoding) (*Tagger, error) {
	m, err := Load(dir)
	if err != nil {
		return nil, err
	}
	t := &Tagger{model: m}
	if d == TrainingFeatures {
		if t.cls, err = readClassifier(dir); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Entities returns the model's entities on page p, typed by their label
// (PERSON, PLACE, ORGANIZATION), with code-point spans in p.Text, and the
// number of tokens read. It returns an error if prose panics (its model
// code signals errors by panicking).
func (t *Tagger) Entities(p schemas.Page) (ents []schemas.Entity, ntok int, err error) {
	defer func() {
		if v := recover(); v != nil {
			ents, ntok, err = nil, 0, fmt.Errorf("nertrain: prose panic on page %d: %v", p.Number, v)
		}
	}()
	folded := Fold(p.Text)
	doc, err := prose.NewDocument(folded, prose.UsingModel(t.model), prose.WithSegmentation(false),
		prose.WithExtraction(t.cls == nil))
	if err != nil {
		return nil, 0, fmt.Errorf("nertrain: page %d: %w", p.Number, err)
	}
	ptoks := doc.Tokens()
	if t.cls != nil {
		for i, l := range t.cls.classify(ptoks) {
			ptoks[i].Label = l
		}
	}
	toks, ok := align(folded, ptoks, false)
	if !ok {
		return nil, len(ptoks), fmt.Errorf("nertrain: page %d: tokens do not align with the text", p.Number)
	}
	return chunk(p, folded, toks), len(toks), nil
}

// chunk groups labelled tokens into entities. A B- label after a token of
// the same type continues the entity on the same line: prose's tagger
// sees a different previous-label feature at prediction than in training
// ("B" for "B-PERSON"; see classifier), so it labels the second word of a
// name B- as often as I-. An I- label continues across a line break, as mentions do.
// Punctuation tokens at either end are left out.
func chunk(p schemas.Page, folded string, toks []token) []schemas.Entity {
	var out []schemas.Entity
	runes := []rune(p.Text)
	for i := 0; i < len(toks); {
		typ, _, ok := label(toks[i].label)
		if !ok {
			i++
			continue
		}
		j := i + 1
		for ; j < len(toks); j++ {
			t, inside, ok := label(toks[j].label)
			if !ok || t != typ || (!inside && strings.ContainsRune(folded[toks[j-1].end:toks[j].start], '\n')) {
				break
			}
		}
		from, to := i, j
		for from < to && !hasWord(folded[toks[from].start:toks[from].end]) {
			from++
		}
		for to > from && !hasWord(folded[toks[to-1].start:toks[to-1].end]) {
			to--
		}
		if from < to {
			s, e := toks[from].start, toks[to-1].end
			text := string(runes[s:e])
			out = append(out, schemas.Entity{
				Type: schemas.EntityType(typ), Text: text, Page: p.Number, Start: s, End: e,
				Normalized: strings.Join(strings.Fields(text), " "), Source: schemas.SourceProse,
			})
		}
		i = j
	}
	return out
}

// label splits an IOB label: its type, whether it is I- (inside), and
// whether it names a learned type at all.
func label(l string) (typ string, inside, ok bool) {
	if len(l) < 3 || l[1] != '-' || (l[0] != 'B' && l[0] != 'I') {
		return "", false, false
	}
	typ = l[2:]
	for _, v := range Labels {
		if v == typ {
			return typ, l[0] == 'I', true
		}
	}
	return "", false, false
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
