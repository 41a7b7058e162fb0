// Typed reading of content streams (casefile addition): Operators.

package pdf

import (
	"io"
	"runtime"
	"strconv"
	"sync"
	"unsafe"
)

// An Operand is one operand of a content-stream operator, as [Operators]
// passes it. Bytes and Elems point into storage that Operators reuses for
// the next operator: they are valid only until the callback returns.
type Operand struct {
	Kind  ValueKind
	Num   float64   // Integer and Real
	Bytes []byte    // String: its bytes; Name: without the slash
	Elems []Operand // Array
	dict  map[string]Operand
}

// Float64 returns the operand's number, 0 if it is not one (as
// [Value.Float64]).
func (o Operand) Float64() float64 {
	if o.Kind == Integer || o.Kind == Real {
		return o.Num
	}
	return 0
}

// clone returns o with storage of its own, to outlive the operator.
func (o Operand) clone() Operand {
	if o.Bytes != nil {
		o.Bytes = append([]byte(nil), o.Bytes...)
	}
	if o.Elems != nil {
		elems := make([]Operand, len(o.Elems))
		for i, e := range o.Elems {
			elems[i] = e.clone()
		}
		o.Elems = elems
	}
	return o
}

// Operators interprets a content stream as [Interpret] does — the same
// tokens, the same PostScript dictionary operators, the same recovery from
// a malformed operand and the same panics — but calls do with the
// operator and its operands, typed, instead of a stack of values: a
// page's numbers and strings cost no allocation each. do must not keep
// args, their Bytes or their Elems; the operands are gone after it, as if
// it had popped them all.
func Operators(strm Value, do func(op string, args []Operand)) {
	b := getBuffer(streamReader(strm), 0)
	b.allowEOF = true
	b.allowObjptr = false
	b.allowStream = false
	defer b.release()
	c, _ := lexers.Get().(*contentLexer)
	if c == nil {
		c = new(contentLexer)
	}
	c.b = b
	defer c.release()
	var dicts []map[string]Operand

Reading:
	for {
		t := c.next()
		if t.kind == ctEOF {
			break
		}
		if t.kind == ctKeyword {
			switch t.kw {
			case "null", "[", "]", "<<", ">>":
				break
			default:
				for i := len(dicts) - 1; i >= 0; i-- {
					if v, ok := dicts[i][t.kw]; ok {
						c.stack = append(c.stack, v)
						continue Reading
					}
				}
				do(t.kw, c.stack)
				c.reset()
				continue
			case "dict":
				c.pop()
				c.stack = append(c.stack, Operand{Kind: Dict, dict: map[string]Operand{}})
				continue
			case "currentdict":
				if len(dicts) == 0 {
					panic("no current dictionary")
				}
				c.stack = append(c.stack, Operand{Kind: Dict, dict: dicts[len(dicts)-1]})
				continue
			case "begin":
				d := c.pop()
				if d.Kind != Dict {
					panic("cannot begin non-dict")
				}
				dicts = append(dicts, d.dict)
				continue
			case "end":
				if len(dicts) <= 0 {
					panic("mismatched begin/end")
				}
				dicts = dicts[:len(dicts)-1]
				continue
			case "def":
				val := c.pop()
				if len(dicts) <= 0 {
					continue // as Interpret: a def outside begin is dropped
				}
				key := c.pop()
				if key.Kind != Name {
					continue
				}
				dicts[len(dicts)-1][string(key.Bytes)] = val.clone()
				continue
			case "pop":
				c.pop()
				continue
			}
		}
		if t.kind != ctKeyword {
			// readObject would return the token itself: no recovery needed.
			c.stack = append(c.stack, c.scalar(t))
			continue
		}
		c.unread(t)
		if o, ok := c.readObjectRecover(); ok {
			c.stack = append(c.stack, o)
		}
	}
}

// streamReader returns the decoded data of a stream, or of an array of
// streams read as one.
func streamReader(strm Value) io.Reader {
	if strm.Kind() == Array {
		readers := make([]io.Reader, 0, strm.Len())
		for i := 0; i < strm.Len(); i++ {
			readers = append(readers, strm.Index(i).Reader())
		}
		return io.MultiReader(readers...)
	}
	return strm.Reader()
}

type ctKind uint8

const (
	ctEOF ctKind = iota
	ctKeyword
	ctBool
	ctInt
	ctReal
	ctString
	ctName
)

// ctok is a token of buffer.readToken, unboxed. b (string, name bytes)
// points into the buffer's tmp: valid until the next token.
type ctok struct {
	kind ctKind
	kw   string
	b    []byte
	i    int64
	f    float64
	bool bool
}

// token boxes t as readToken would have returned it, for messages.
func (t ctok) token() token {
	switch t.kind {
	case ctKeyword:
		return keyword(t.kw)
	case ctBool:
		return t.bool
	case ctInt:
		return t.i
	case ctReal:
		return t.f
	case ctString:
		return string(t.b)
	case ctName:
		return name(string(t.b))
	}
	return io.EOF
}

// contentLexer reads a content stream's tokens and objects as buffer's
// readToken and readObject do (with allowObjptr and allowStream off),
// into Operands whose bytes and elements live in storage reused operator
// after operator.
type contentLexer struct {
	b       *buffer
	pending ctok
	unreadN int
	stack   []Operand
	arena   []byte      // Bytes of the current operands
	free    [][]Operand // Elems storage to reuse
	used    [][]Operand // Elems storage handed out since the last reset
}

// lexers recycles contentLexers with their storage: a page's streams,
// fonts' glyph procedures and forms each take one.
var lexers sync.Pool

// release empties c and returns it to the pool, unless a hostile stream
// grew its storage past what is worth keeping.
func (c *contentLexer) release() {
	c.reset()
	c.b, c.unreadN, c.pending = nil, 0, ctok{}
	if cap(c.arena) > 1<<20 || cap(c.stack) > 1<<12 || len(c.free) > 1<<12 {
		return
	}
	lexers.Put(c)
}

func (c *contentLexer) unread(t ctok) {
	if c.unreadN > 0 {
		panic("pdf: content lexer: second unread") // never: one token of lookahead
	}
	c.pending, c.unreadN = t, 1
}

func (c *contentLexer) pop() Operand {
	n := len(c.stack)
	if n == 0 {
		return Operand{}
	}
	o := c.stack[n-1]
	c.stack = c.stack[:n-1]
	return o
}

// reset empties the stack after an operator, reclaiming its storage.
func (c *contentLexer) reset() {
	clear(c.stack)
	c.stack = c.stack[:0]
	c.arena = c.arena[:0]
	for _, s := range c.used {
		if cap(s) > 1<<12 {
			continue // a hostile array: let it go
		}
		clear(s)
		c.free = append(c.free, s[:0])
	}
	c.used = c.used[:0]
}

// next is buffer.readToken, unboxed.
func (c *contentLexer) next() ctok {
	if c.unreadN > 0 {
		c.unreadN = 0
		return c.pending
	}
	b := c.b
	ch := b.readByte()
	for {
		if isSpace(ch) {
			if b.eof {
				return ctok{kind: ctEOF}
			}
			ch = b.readByte()
		} else if ch == '%' {
			for ch != '\r' && ch != '\n' {
				ch = b.readByte()
			}
		} else {
			break
		}
	}
	switch ch {
	case '<':
		if b.readByte() == '<' {
			return ctok{kind: ctKeyword, kw: "<<"}
		}
		b.unreadByte()
		return ctok{kind: ctString, b: b.readHexBytes()}
	case '(':
		return ctok{kind: ctString, b: b.readLiteralBytes()}
	case '[':
		return ctok{kind: ctKeyword, kw: "["}
	case ']':
		return ctok{kind: ctKeyword, kw: "]"}
	case '{':
		return ctok{kind: ctKeyword, kw: "{"}
	case '}':
		return ctok{kind: ctKeyword, kw: "}"}
	case '/':
		return ctok{kind: ctName, b: b.readNameBytes()}
	case '>':
		if b.readByte() == '>' {
			return ctok{kind: ctKeyword, kw: ">>"}
		}
		b.unreadByte()
		fallthrough
	default:
		if isDelim(ch) {
			b.errorf("unexpected delimiter %#q", rune(ch))
		}
		b.unreadByte()
		return c.keyword()
	}
}

// keyword is buffer.readKeyword, unboxed.
func (c *contentLexer) keyword() ctok {
	b := c.b
	tmp := b.readKeywordBytes()
	if len(tmp) == 0 {
		return ctok{kind: ctKeyword, kw: ""}
	}
	if len(tmp) <= 3 && !isNumStart(tmp[0]) {
		if op := shortOps().find(tmp); op != "" {
			return ctok{kind: ctKeyword, kw: op}
		}
	}
	s := unsafe.String(&tmp[0], len(tmp)) // parsed, never kept
	switch {
	case s == "true":
		return ctok{kind: ctBool, bool: true}
	case s == "false":
		return ctok{kind: ctBool}
	case isInteger(s):
		if x, ok := smallInt(s); ok {
			return ctok{kind: ctInt, i: x}
		}
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			b.errorf("invalid integer %s", string(tmp))
		}
		return ctok{kind: ctInt, i: x}
	case isReal(s):
		if x, ok := exactReal(s); ok {
			return ctok{kind: ctReal, f: x}
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			b.errorf("invalid real %s", string(tmp))
		}
		return ctok{kind: ctReal, f: x}
	}
	if k, ok := internedKeywords[s]; ok {
		return ctok{kind: ctKeyword, kw: string(k.(keyword))}
	}
	return ctok{kind: ctKeyword, kw: string(tmp)}
}

func isNumStart(c byte) bool { return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' }

// smallInt parses an integer of at most 18 digits (isInteger's shape),
// which cannot overflow; longer ones are strconv's, errors included.
func smallInt(s string) (int64, bool) {
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	if len(s) > 18 {
		return 0, false
	}
	var x int64
	for i := 0; i < len(s); i++ {
		x = x*10 + int64(s[i]-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// exactReal parses a real of isReal's shape with at most 15 digits, as
// strconv.ParseFloat's own exact path does: the digits as an integer,
// which a float64 holds exactly, divided by an exact power of ten, one
// correctly rounded operation, so the result is ParseFloat's to the bit.
func exactReal(s string) (float64, bool) {
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	var mant uint64
	digits, frac := 0, -1
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			frac = 0
			continue
		}
		mant = mant*10 + uint64(s[i]-'0')
		digits++
		if frac >= 0 {
			frac++
		}
	}
	if digits == 0 || digits > 15 || frac < 0 || frac >= len(pow10) {
		return 0, false
	}
	f := float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

// opTable finds the operators of one to three bytes without hashing a
// string: a key packs the length and the bytes into a uint32, and the
// table is open-addressed.
type opTable struct {
	keys [256]uint32
	ops  [256]string
}

func opKey(p []byte) uint32 {
	k := uint32(len(p)) << 24
	for i, c := range p {
		k |= uint32(c) << (16 - 8*i)
	}
	return k
}

func opSlot(k uint32) uint32 { return (k * 2654435761) >> 24 }

func (t *opTable) find(p []byte) string {
	k := opKey(p)
	for i := opSlot(k); ; i = (i + 1) & 255 {
		switch t.keys[i] {
		case k:
			return t.ops[i]
		case 0:
			return ""
		}
	}
}

// shortOps holds the interned keywords of up to three bytes.
var shortOps = sync.OnceValue(func() *opTable {
	t := new(opTable)
	for s := range internedKeywords {
		if len(s) > 3 || len(s) == 0 || isNumStart(s[0]) {
			continue
		}
		k := opKey([]byte(s))
		i := opSlot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & 255
		}
		t.keys[i], t.ops[i] = k, s
	}
	return t
})

// readObjectRecover is readObjectRecover, unboxed.
func (c *contentLexer) readObjectRecover() (o Operand, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isRuntime := r.(runtime.Error); isRuntime {
				panic(r)
			}
			o, ok = Operand{}, false
		}
	}()
	return c.readObject(), true
}

// readObject is buffer.readObject with allowObjptr and allowStream off,
// unboxed.
func (c *contentLexer) readObject() Operand {
	b := c.b
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > maxObjectDepth {
		b.errorf("object nesting exceeds maximum depth %d", maxObjectDepth)
	}
	t := c.next()
	if t.kind == ctKeyword {
		switch t.kw {
		case "null":
			return Operand{}
		case "<<":
			return c.readDict()
		case "[":
			return c.readArray()
		case ">>", "]":
			return Operand{}
		}
		b.errorf("unexpected keyword %q parsing object", t.kw)
	}
	return c.scalar(t)
}

// scalar is the operand of a token that is not a keyword, as readObject
// returns it.
func (c *contentLexer) scalar(t ctok) Operand {
	switch t.kind {
	case ctBool:
		if t.bool {
			return Operand{Kind: Bool, Num: 1}
		}
		return Operand{Kind: Bool}
	case ctInt:
		return Operand{Kind: Integer, Num: float64(t.i)}
	case ctReal:
		return Operand{Kind: Real, Num: t.f}
	case ctString:
		return Operand{Kind: String, Bytes: c.keep(t.b)}
	case ctName:
		return Operand{Kind: Name, Bytes: c.keep(t.b)}
	}
	return Operand{} // the end of the stream: a null, as readObject's io.EOF
}

// keep copies token bytes into the operator's arena. A slice taken before
// the arena grows still points at the old storage, which is not written
// again until reset.
func (c *contentLexer) keep(p []byte) []byte {
	start := len(c.arena)
	c.arena = append(c.arena, p...)
	return c.arena[start:len(c.arena):len(c.arena)]
}

func (c *contentLexer) readArray() Operand {
	var x []Operand
	if n := len(c.free); n > 0 {
		x, c.free = c.free[n-1], c.free[:n-1]
	}
	for {
		t := c.next()
		if t.kind == ctEOF || t.kind == ctKeyword && t.kw == "]" {
			break
		}
		c.unread(t)
		x = append(x, c.readObject())
	}
	if cap(x) > 0 {
		c.used = append(c.used, x)
	}
	if x == nil {
		x = []Operand{} // an empty array is still an array
	}
	return Operand{Kind: Array, Elems: x}
}

func (c *contentLexer) readDict() Operand {
	m := map[string]Operand{}
	for {
		t := c.next()
		if t.kind == ctEOF || t.kind == ctKeyword && t.kw == ">>" {
			break
		}
		if t.kind != ctName {
			tok := t.token()
			c.b.errorf("unexpected non-name key %T(%v) parsing dictionary", tok, tok)
		}
		key := string(t.b)
		m[key] = c.readObject().clone()
	}
	return Operand{Kind: Dict, dict: m}
}
