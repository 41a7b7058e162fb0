package doctext

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// This file interprets a page's content stream for its text, in place of
// ledongthuc/pdf's Page.Content, which advances glyphs by the width of a
// byte rather than of a character code (so two-byte CID fonts drift and
// scramble), ignores word spacing and TJ kerning, and never enters Form
// XObjects, where many court filings keep their whole body text.

// maxFormDepth bounds nested Form XObjects (a form may even draw itself).
const maxFormDepth = 8

// maxGlyphs bounds the glyphs read from one page, so a hostile stream
// cannot exhaust memory.
const maxGlyphs = 500_000

// matrix is a PDF transformation matrix [a b c d e f]: a point (x, y)
// maps to (a·x + c·y + e, b·x + d·y + f).
type matrix struct{ a, b, c, d, e, f float64 }

var identity = matrix{a: 1, d: 1}

// mul returns x followed by y.
func (x matrix) mul(y matrix) matrix {
	return matrix{
		a: x.a*y.a + x.b*y.c, b: x.a*y.b + x.b*y.d,
		c: x.c*y.a + x.d*y.c, d: x.c*y.b + x.d*y.d,
		e: x.e*y.a + x.f*y.c + y.e, f: x.e*y.b + x.f*y.d + y.f,
	}
}

func translate(tx, ty float64) matrix { return matrix{a: 1, d: 1, e: tx, f: ty} }

func matrixOf(v pdf.Value) matrix {
	return matrix{v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64(), v.Index(4).Float64(), v.Index(5).Float64()}
}

// font is what text layout needs of a PDF font.
type font struct {
	twoByte bool
	enc     pdf.TextEncoding
	first   int
	widths  []float64       // simple fonts: from FirstChar
	cidW    map[int]float64 // CID fonts: the W array
	dw      float64         // default / missing width
	scale   float64         // glyph space to text space (1/1000, or a Type 3 FontMatrix)
	decoded map[int]string
	// shown caches each code's text as laid out (valid UTF-8, ligatures
	// expanded), so that a glyph costs no allocation: one-byte codes in
	// shownByte, two-byte ones in shownCID.
	shownByte [256]string
	shownSet  [256]bool
	shownCID  map[int]string
	names     map[int]string // codes whose Differences glyph name is uniXXXX
	// std holds a standard-14 font's built-in widths by code point, for a
	// font that names one without Widths.
	std map[rune]float64
}

func loadFont(v pdf.Value) *font {
	f := &font{scale: 0.001, decoded: map[int]string{}}
	pf := pdf.Font{V: v}
	f.enc = pf.Encoder()
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := desc.Key("DW"); !dw.IsNull() {
			f.dw = dw.Float64()
		}
		f.cidW = map[int]float64{}
		w := desc.Key("W")
		for i := 0; i < w.Len(); {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for j := 0; j < next.Len() && j < 65536; j++ {
					f.cidW[c+j] = next.Index(j).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			width := w.Index(i + 2).Float64()
			for c2 := c; c2 <= last && c2-c < 65536; c2++ {
				f.cidW[c2] = width
			}
			i += 3
		}
		return f
	}
	f.names = uniNames(v.Key("Encoding").Key("Differences"))
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if len(f.widths) == 0 && f.dw == 0 {
		// The standard 14 fonts may omit Widths; a viewer uses their
		// built-in metrics. Exact advances matter: a producer that places
		// each word with its own Td or TJ leaves the gap between words to
		// be read off them, and an average advance glues words ("intentto")
		// or overlaps them. Glyphs the table lacks get the family average.
		base := v.Key("BaseFont").Name()
		f.std = std14Widths(base)
		f.dw = standardWidth(base)
	}
	if v.Key("Subtype").Name() == "Type3" {
		if fm := v.Key("FontMatrix"); fm.Len() >= 1 {
			f.scale = fm.Index(0).Float64()
		}
	}
	return f
}

// width returns a glyph's advance in glyph space; raw is its bytes, which
// a standard-14 font without Widths needs to find the glyph's metrics.
func (f *font) width(code int, raw []byte) float64 {
	if f.std != nil {
		// A glyph's metrics are those of its first character.
		if s := f.text(code, raw); s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			if w, ok := f.std[r]; ok {
				return w
			}
		}
		return f.dw
	}
	if f.twoByte {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return f.dw
}

func (f *font) text(code int, raw []byte) string {
	if s, ok := f.decoded[code]; ok {
		return s
	}
	s, ok := f.names[code]
	if !ok {
		s = f.enc.Decode(string(raw))
	}
	f.decoded[code] = s
	return s
}

// shown is text(code, raw) as a glyph keeps it: valid UTF-8, with the
// Latin ligatures expanded.
func (f *font) shown(code int, raw []byte) string {
	if code >= 0 && code < 256 {
		if f.shownSet[code] {
			return f.shownByte[code]
		}
	} else if s, ok := f.shownCID[code]; ok {
		return s
	}
	s := ligatures.Replace(strings.ToValidUTF8(f.text(code, raw), "\uFFFD"))
	if code >= 0 && code < 256 {
		f.shownByte[code], f.shownSet[code] = s, true
	} else {
		if f.shownCID == nil {
			f.shownCID = map[int]string{}
		}
		f.shownCID[code] = s
	}
	return s
}

// codeLen is the length in bytes of the font's character codes.
func (f *font) codeLen() int {
	if f.twoByte {
		return 2
	}
	return 1
}

type textState struct {
	tc, tw, th, tl, tfs, rise float64
	font                      *font
}

type gstate struct {
	ctm matrix
	ts  textState
}

// interpreter collects the glyphs a page shows.
type interpreter struct {
	glyphs glyphList
	images int // images drawn: image XObjects and inline images (BI)
	doc    *docPages
}

// pageGlyphs reads the glyphs page p shows, with the fonts and glyph
// storage of doc, whose glyphs it takes until it returns them.
func pageGlyphs(p pdf.Page, doc *docPages) *interpreter {
	in := &interpreter{doc: doc, glyphs: doc.glyphs}
	in.glyphs.reset()
	defer func() { doc.glyphs = in.glyphs }()
	in.run(p.V.Key("Contents"), p.Resources(), identity, 0)
	// Clerks' FILED stamps and similar are often annotations; their text
	// is in each one's normal appearance stream, placed at its Rect.
	annots := p.V.Key("Annots")
	for i := 0; i < annots.Len() && i < 1000; i++ {
		a := annots.Index(i)
		if a.Key("F").Int64()&2 != 0 { // hidden
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() != pdf.Stream {
			ap = ap.Key(a.Key("AS").Name())
		}
		if ap.Kind() != pdf.Stream {
			continue
		}
		rect, bbox := a.Key("Rect"), ap.Key("BBox")
		if rect.Len() != 4 || bbox.Len() != 4 {
			continue
		}
		m := translate(rect.Index(0).Float64()-bbox.Index(0).Float64(), rect.Index(1).Float64()-bbox.Index(1).Float64())
		res := ap.Key("Resources")
		in.run(ap, res, m, 1)
	}
	return in
}

// fontFor loads a font of resources by name, caching it in cache (one
// per resource dictionary: pdf.Value is not comparable, names are) and,
// when the font is an indirect object, as most are, in the document's
// cache by its reference.
func (in *interpreter) fontFor(cache map[string]*font, resources pdf.Value, nameBytes []byte) *font {
	if f, ok := cache[string(nameBytes)]; ok {
		return f
	}
	name := string(nameBytes)
	fonts := resources.Key("Font")
	ref, shared := fonts.KeyRef(name)
	if f, ok := in.doc.fonts[ref]; ok && shared {
		cache[name] = f
		return f
	}
	var f *font
	if v := fonts.Key(name); !v.IsNull() {
		f = loadFont(v)
	}
	cache[name] = f
	if shared {
		if in.doc.fonts == nil {
			in.doc.fonts = map[pdf.Ref]*font{}
		}
		in.doc.fonts[ref] = f
	}
	return f
}

func (in *interpreter) run(strm, resources pdf.Value, ctm matrix, depth int) {
	if strm.IsNull() || depth > maxFormDepth {
		return
	}
	g := gstate{ctm: ctm, ts: textState{th: 1}}
	fonts := map[string]*font{}
	var stack []gstate
	var tm, tlm matrix

	show := func(s []byte) {
		f := g.ts.font
		if f == nil || in.glyphs.len() >= maxGlyphs {
			return
		}
		ts := &g.ts
		// Showing moves only tm's translation: the glyph matrix's scale and
		// rotation, and so sx and size, are the same for the whole string.
		var sx, size float64
		step := f.codeLen()
		for i := 0; i+step <= len(s); i += step {
			raw := s[i : i+step]
			code := int(raw[0])
			if step == 2 {
				code = code<<8 | int(raw[1])
			}
			m := tm.mul(g.ctm)
			trm := matrix{a: ts.tfs * ts.th, d: ts.tfs, f: ts.rise}.mul(m)
			w0 := f.width(code, raw) * f.scale
			if i == 0 {
				sx = math.Hypot(trm.a, trm.b)
				size = math.Hypot(trm.c, trm.d)
			}
			if text := f.shown(code, raw); text != "" && sx > 0 {
				// Coordinates along the text direction (x) and across it
				// (y), so rotated stamps lay out like any other line.
				dx, dy := trm.a/sx, trm.b/sx
				ox, oy := trm.e, trm.f
				// The glyph's box includes character spacing (Tc): letter-
				// spaced text is one word; only wider gaps are spaces.
				adv := w0 * sx
				if ts.tfs != 0 {
					adv = math.Max(0, (w0+ts.tc/ts.tfs)*sx)
				}
				in.glyphs.add(glyph{
					x: ox*dx + oy*dy, y: oy*dx - ox*dy, w: adv, size: size,
					orient: orientation(dx, dy),
					s:      text,
				})
			}
			tx := w0*ts.tfs + ts.tc
			if !f.twoByte && code == ' ' {
				tx += ts.tw
			}
			tm.e += tx * ts.th * tm.a // translate(tx·th, 0) then tm
			tm.f += tx * ts.th * tm.b
		}
	}
	nextLine := func() {
		tlm = translate(0, -g.ts.tl).mul(tlm)
		tm = tlm
	}

	pdf.Operators(strm, func(op string, args []pdf.Operand) {
		n := len(args)
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		str := func(i int) []byte {
			if args[i].Kind == pdf.String {
				return args[i].Bytes
			}
			return nil
		}
		switch op {
		case "q":
			stack = append(stack, g)
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if n == 6 {
				m := matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				g.ctm = m.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if n == 2 {
				g.ts.font = in.fontFor(fonts, resources, nameOf(args[0]))
				g.ts.tfs = num(1)
			}
		case "Tc":
			g.ts.tc = num(0)
		case "Tw":
			g.ts.tw = num(0)
		case "Tz":
			g.ts.th = num(0) / 100
		case "TL":
			g.ts.tl = num(0)
		case "Ts":
			g.ts.rise = num(0)
		case "Td":
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "TD":
			g.ts.tl = -num(1)
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "Tm":
			if n == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if n == 1 {
				show(str(0))
			}
		case "'":
			nextLine()
			if n == 1 {
				show(str(0))
			}
		case "\"":
			if n == 3 {
				g.ts.tw, g.ts.tc = num(0), num(1)
				nextLine()
				show(str(2))
			}
		case "TJ":
			if n != 1 {
				return
			}
			for _, v := range args[0].Elems {
				if v.Kind == pdf.String {
					show(v.Bytes)
				} else {
					tx := -v.Float64() / 1000 * g.ts.tfs * g.ts.th
					tm.e += tx * tm.a
					tm.f += tx * tm.b
				}
			}
		case "BI":
			in.images++
		case "Do":
			if n != 1 {
				return
			}
			xo := resources.Key("XObject").Key(string(nameOf(args[0])))
			switch xo.Key("Subtype").Name() {
			case "Image":
				in.images++
			case "Form":
				res := xo.Key("Resources")
				if res.IsNull() {
					res = resources
				}
				m := identity
				if fm := xo.Key("Matrix"); fm.Len() == 6 {
					m = matrixOf(fm)
				}
				in.run(xo, res, m.mul(g.ctm), depth+1)
			}
		}
	})
}

// nameOf returns a name operand's bytes, nil for another kind (as
// pdf.Value.Name returns "").
func nameOf(o pdf.Operand) []byte {
	if o.Kind == pdf.Name {
		return o.Bytes
	}
	return nil
}

// orientation buckets a text direction into 0 (left to right), 1 (bottom
// to top), 2 (upside down) or 3 (top to bottom).
func orientation(dx, dy float64) int {
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx >= 0:
		return 0
	case math.Abs(dx) >= math.Abs(dy):
		return 2
	case dy > 0:
		return 1
	default:
		return 3
	}
}

// standardWidth is an average glyph advance (1/1000 em) for fonts that
// come without widths, by family name.
func standardWidth(base string) float64 {
	b := strings.ToLower(base)
	switch {
	case strings.Contains(b, "courier"), strings.Contains(b, "mono"):
		return 600
	case strings.Contains(b, "helvetica"), strings.Contains(b, "arial"):
		if strings.Contains(b, "bold") {
			return 611
		}
		return 556
	case strings.Contains(b, "times"):
		return 500
	case strings.Contains(b, "zapf"), strings.Contains(b, "dingbat"):
		return 800
	default:
		return 500
	}
}

// ligatures expands the Latin ligature code points, as poppler does, so
// that "ﬁrearms" reads and matches as "firearms".
var ligatures = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi",
	"\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
)

// uniNames reads the glyph names of an encoding's Differences array that
// spell their code point ("uni2714", "u1F600"), which ledongthuc/pdf's name
// table does not know.
func uniNames(diffs pdf.Value) map[int]string {
	var out map[int]string
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		v := diffs.Index(i)
		if v.Kind() != pdf.Name {
			code = int(v.Int64())
			continue
		}
		name := v.Name()
		hex, ok := strings.CutPrefix(name, "uni")
		if !ok {
			hex, ok = strings.CutPrefix(name, "u")
		}
		if ok && len(hex) >= 4 && len(hex) <= 6 {
			if r, err := strconv.ParseUint(hex, 16, 32); err == nil && utf8.ValidRune(rune(r)) {
				if out == nil {
					out = map[int]string{}
				}
				out[code] = string(rune(r))
			}
		}
		code++
	}
	return out
}
