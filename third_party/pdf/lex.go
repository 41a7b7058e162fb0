// Copyright 2014 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Reading of PDF tokens and objects from a raw byte stream.

package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// A token is a PDF token in the input stream, one of the following Go types:
//
//	bool, a PDF boolean
//	int64, a PDF integer
//	float64, a PDF real
//	string, a PDF string literal
//	keyword, a PDF keyword
//	name, a PDF name without the leading slash
type token interface{}

// A name is a PDF name, without the leading slash.
type name string

// A keyword is a PDF keyword.
// Delimiter tokens used in higher-level syntax,
// such as "<<", ">>", "[", "]", "{", "}", are also treated as keywords.
type keyword string

// maxObjectDepth is the maximum nesting depth for PDF objects (dicts, arrays,
// and indirect object definitions). Malicious files can nest millions of
// "N N obj" tokens to exhaust the Go call stack; this limit turns that into
// a recoverable panic instead of a fatal process crash.
const maxObjectDepth = 1000

// A buffer holds buffered input bytes from the PDF file.
type buffer struct {
	r           io.Reader // source of data
	buf         []byte    // buffered data
	pos         int       // read index in buf
	offset      int64     // offset at end of buf; aka offset of next read
	tmp         []byte    // scratch space for accumulating token
	unread      []token   // queue of read but then unread tokens
	allowEOF    bool
	allowObjptr bool
	allowStream bool
	eof         bool
	key         []byte
	useAES      bool
	objptr      objptr
	depth       int // current object nesting depth
}

// newBuffer returns a new buffer reading from r at the given offset.
func newBuffer(r io.Reader, offset int64) *buffer {
	return &buffer{
		r:           r,
		offset:      offset,
		buf:         make([]byte, 0, 4096),
		allowObjptr: true,
		allowStream: true,
	}
}

// buffers recycles the buffers of short reads (one object, one content
// stream): each holds 4 KiB, and a document reads thousands of objects
// (casefile addition).
var buffers sync.Pool

// getBuffer is newBuffer with a recycled buffer; release it when done
// with it and with nothing read from it still pointing into it (tokens
// are copied out of tmp, so nothing does).
func getBuffer(r io.Reader, offset int64) *buffer {
	b, _ := buffers.Get().(*buffer)
	if b == nil {
		return newBuffer(r, offset)
	}
	*b = buffer{
		r:           r,
		offset:      offset,
		buf:         b.buf[:0],
		tmp:         b.tmp[:0],
		unread:      b.unread[:0],
		allowObjptr: true,
		allowStream: true,
	}
	return b
}

// release returns b to the pool; b must not be used after.
func (b *buffer) release() {
	if cap(b.buf) != 4096 || cap(b.tmp) > 64<<10 {
		return // grown by a hostile token or recovering a string: let it go
	}
	clear(b.unread[:cap(b.unread)])
	b.r = nil
	b.key = nil
	buffers.Put(b)
}

func (b *buffer) readByte() byte {
	if b.pos >= len(b.buf) {
		b.reload()
		if b.pos >= len(b.buf) {
			return '\n'
		}
	}
	c := b.buf[b.pos]
	b.pos++
	return c
}

func (b *buffer) errorf(format string, args ...interface{}) {
	panic(fmt.Errorf(format, args...))
}

func (b *buffer) reload() bool {
	n := cap(b.buf) - int(b.offset%int64(cap(b.buf)))
	n, err := b.r.Read(b.buf[:n])
	if n == 0 && err != nil {
		b.buf = b.buf[:0]
		b.pos = 0
		if b.allowEOF && err == io.EOF {
			b.eof = true
			return false
		}
		b.errorf("malformed PDF: reading at offset %d: %v", b.offset, err)
		return false
	}
	b.offset += int64(n)
	b.buf = b.buf[:n]
	b.pos = 0
	return true
}

func (b *buffer) seekForward(offset int64) {
	for b.offset < offset {
		if !b.reload() {
			return
		}
	}
	b.pos = len(b.buf) - int(b.offset-offset)
}

func (b *buffer) readOffset() int64 {
	return b.offset - int64(len(b.buf)) + int64(b.pos)
}

func (b *buffer) unreadByte() {
	if b.pos > 0 {
		b.pos--
	}
}

func (b *buffer) unreadToken(t token) {
	b.unread = append(b.unread, t)
}

func (b *buffer) readToken() token {
	if n := len(b.unread); n > 0 {
		t := b.unread[n-1]
		b.unread = b.unread[:n-1]
		return t
	}

	// Find first non-space, non-comment byte.
	c := b.readByte()
	for {
		if isSpace(c) {
			if b.eof {
				return io.EOF
			}
			c = b.readByte()
		} else if c == '%' {
			for c != '\r' && c != '\n' {
				c = b.readByte()
			}
		} else {
			break
		}
	}

	switch c {
	case '<':
		if b.readByte() == '<' {
			return keyword("<<")
		}
		b.unreadByte()
		return b.readHexString()

	case '(':
		return b.readLiteralString()

	// casefile: constants, which box without allocating.
	case '[':
		return keyword("[")
	case ']':
		return keyword("]")
	case '{':
		return keyword("{")
	case '}':
		return keyword("}")

	case '/':
		return b.readName()

	case '>':
		if b.readByte() == '>' {
			return keyword(">>")
		}
		b.unreadByte()
		fallthrough

	default:
		if isDelim(c) {
			b.errorf("unexpected delimiter %#q", rune(c))
			return nil
		}
		b.unreadByte()
		return b.readKeyword()
	}
}

func (b *buffer) readHexString() token { return string(b.readHexBytes()) }

// readHexBytes reads a hex string's bytes into b.tmp, valid until the
// next token (casefile: the core of readHexString, for Content).
func (b *buffer) readHexBytes() []byte {
	tmp := b.tmp[:0]
	// casefile: at the end of the input readByte returns '\n' for ever,
	// which these loops skipped as space for ever: an unterminated hex
	// string hung the reader.
	for !b.eof {
	Loop:
		c := b.readByte()
		if c == '>' || b.eof {
			break
		}
		if isSpace(c) {
			goto Loop
		}
	Loop2:
		c2 := b.readByte()
		if b.eof {
			break
		}
		if isSpace(c2) {
			goto Loop2
		}
		x := unhex(c)<<4 | unhex(c2)
		if x < 0 {
			b.errorf("malformed hex string %c %c %s", c, c2, b.buf[b.pos:])
			break
		}
		tmp = append(tmp, byte(x))
	}
	b.tmp = tmp
	return tmp
}

func unhex(b byte) int {
	switch {
	case '0' <= b && b <= '9':
		return int(b) - '0'
	case 'a' <= b && b <= 'f':
		return int(b) - 'a' + 10
	case 'A' <= b && b <= 'F':
		return int(b) - 'A' + 10
	}
	return -1
}

func (b *buffer) readLiteralString() token { return string(b.readLiteralBytes()) }

// readLiteralBytes reads a literal string's bytes into b.tmp, valid until
// the next token (casefile: the core of readLiteralString, for Content).
func (b *buffer) readLiteralBytes() []byte {
	tmp := b.tmp[:0]
	depth := 1
	// casefile: an unescaped '(' with no ')' to match makes the string
	// run to the end of a content stream and swallow the page's text. The
	// bytes read after the first nested '(' are kept, so that a string
	// still open at the end can close at its first ')' instead, with the
	// rest read again as operators, as if the '(' had been escaped.
	// The bookkeeping is written out inline: this loop reads every shown
	// string of every page, and closures here cost an allocation each.
	var raw []byte
	recording := false
	closeRaw, closeTmp := -1, -1
Loop:
	for !b.eof {
		c := b.readByte()
		if recording {
			raw = append(raw, c)
		}
		switch c {
		default:
			tmp = append(tmp, c)
		case '(':
			depth++
			recording = true
			tmp = append(tmp, c)
		case ')':
			if depth--; depth == 0 {
				break Loop
			}
			if closeRaw < 0 && recording {
				closeRaw, closeTmp = len(raw), len(tmp)
			}
			tmp = append(tmp, c)
		case '\\':
			c = b.readByte()
			if recording {
				raw = append(raw, c)
			}
			switch c {
			default:
				b.errorf("invalid escape sequence \\%c", c)
				tmp = append(tmp, '\\', c)
			case 'n':
				tmp = append(tmp, '\n')
			case 'r':
				tmp = append(tmp, '\r')
			case 'b':
				tmp = append(tmp, '\b')
			case 't':
				tmp = append(tmp, '\t')
			case 'f':
				tmp = append(tmp, '\f')
			case '(', ')', '\\':
				tmp = append(tmp, c)
			case '\r':
				if b.readByte() != '\n' {
					b.unreadByte()
				} else if recording {
					raw = append(raw, '\n')
				}
				fallthrough
			case '\n':
				// no append
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(c - '0')
				for i := 0; i < 2; i++ {
					c = b.readByte()
					if c < '0' || c > '7' {
						b.unreadByte()
						break
					}
					if recording {
						raw = append(raw, c)
					}
					x = x*8 + int(c-'0')
				}
				if x > 255 {
					b.errorf("invalid octal escape \\%03o", x)
				}
				tmp = append(tmp, byte(x))
			}
		}
	}
	if depth > 0 && b.eof && closeRaw >= 0 {
		tmp = tmp[:closeTmp]
		b.buf = append(b.buf[:0], raw[closeRaw:]...)
		b.pos = 0
		b.eof = false
	}
	b.tmp = tmp
	return tmp
}

func (b *buffer) readName() token { return name(string(b.readNameBytes())) }

// readNameBytes reads a name's bytes into b.tmp, valid until the next
// token (casefile: the core of readName, for Content).
func (b *buffer) readNameBytes() []byte {
	tmp := b.tmp[:0]
	for {
		c := b.readByte()
		if isDelim(c) || isSpace(c) {
			b.unreadByte()
			break
		}
		if c == '#' {
			// casefile: a '#' not followed by two hex digits is kept as
			// itself, as poppler's lexer does, instead of failing the
			// object (and with it the page or the whole file).
			hi := b.readByte()
			if unhex(hi) < 0 {
				b.unreadByte()
				tmp = append(tmp, '#')
				continue
			}
			lo := b.readByte()
			if unhex(lo) < 0 {
				b.unreadByte()
				tmp = append(tmp, '#', hi)
				continue
			}
			tmp = append(tmp, byte(unhex(hi)<<4|unhex(lo)))
			continue
		}
		tmp = append(tmp, c)
	}
	b.tmp = tmp
	return tmp
}

func (b *buffer) readKeyword() token {
	tmp := b.readKeywordBytes()
	// casefile: no allocation for the common tokens. s aliases tmp and is
	// only parsed, never kept; operators come from an intern table.
	if len(tmp) == 0 {
		return keyword("")
	}
	s := unsafe.String(&tmp[0], len(tmp))
	switch {
	case s == "true":
		return true
	case s == "false":
		return false
	case isInteger(s):
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			b.errorf("invalid integer %s", string(tmp))
		}
		return x
	case isReal(s):
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			b.errorf("invalid real %s", string(tmp))
		}
		return x
	}
	if k, ok := internedKeywords[s]; ok {
		return k
	}
	return keyword(string(tmp))
}

// readKeywordBytes reads the bytes of a keyword or number into b.tmp,
// valid until the next token (casefile: the core of readKeyword).
func (b *buffer) readKeywordBytes() []byte {
	tmp := b.tmp[:0]
	for {
		c := b.readByte()
		if isDelim(c) || isSpace(c) {
			b.unreadByte()
			break
		}
		tmp = append(tmp, c)
	}
	b.tmp = tmp
	return tmp
}

// internedKeywords are the content-stream operators and syntax keywords,
// returned without allocating (casefile addition). They are held as tokens,
// boxed once: boxing a keyword (a string) into a token allocates.
var internedKeywords = func() map[string]token {
	m := map[string]token{}
	for _, k := range strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' " obj endobj stream endstream R xref trailer startxref null [ ] << >> dict def begin end`) {
		m[k] = keyword(k)
	}
	return m
}()

func isInteger(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	for _, c := range s {
		if c < '0' || '9' < c {
			return false
		}
	}
	return true
}

func isReal(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if len(s) == 0 {
		return false
	}
	ndot := 0
	for _, c := range s {
		if c == '.' {
			ndot++
			continue
		}
		if c < '0' || '9' < c {
			return false
		}
	}
	return ndot == 1
}

// An object is a PDF syntax object, one of the following Go types:
//
//	bool, a PDF boolean
//	int64, a PDF integer
//	float64, a PDF real
//	string, a PDF string literal
//	name, a PDF name without the leading slash
//	dict, a PDF dictionary
//	array, a PDF array
//	stream, a PDF stream
//	objptr, a PDF object reference
//	objdef, a PDF object definition
//
// An object may also be nil, to represent the PDF null.
type object interface{}

type dict map[name]object

type array []object

type stream struct {
	hdr    dict
	ptr    objptr
	offset int64
}

type objptr struct {
	id  uint32
	gen uint16
}

type objdef struct {
	ptr objptr
	obj object
}

func (b *buffer) readObject() object {
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > maxObjectDepth {
		b.errorf("object nesting exceeds maximum depth %d", maxObjectDepth)
		return nil
	}

	tok := b.readToken()
	if kw, ok := tok.(keyword); ok {
		switch kw {
		case "null":
			return nil
		case "<<":
			return b.readDict()
		case "[":
			return b.readArray()
		case ">>", "]":
			// stop the object - these mark the end of dict/array
			return nil
		}
		b.errorf("unexpected keyword %q parsing object", kw)
		return nil
	}

	if str, ok := tok.(string); ok && b.key != nil && b.objptr.id != 0 {
		tok = decryptString(b.key, b.useAES, b.objptr, str)
	}

	if !b.allowObjptr {
		return tok
	}

	if t1, ok := tok.(int64); ok && int64(uint32(t1)) == t1 {
		tok2 := b.readToken()
		if t2, ok := tok2.(int64); ok && int64(uint16(t2)) == t2 {
			tok3 := b.readToken()
			switch tok3 {
			case keyword("R"):
				return objptr{uint32(t1), uint16(t2)}
			case keyword("obj"):
				old := b.objptr
				b.objptr = objptr{uint32(t1), uint16(t2)}
				obj := b.readObject()
				if _, ok := obj.(stream); !ok {
					// casefile: a missing endobj is accepted, as poppler
					// accepts it; the next token is read again.
					if tok4 := b.readToken(); tok4 != keyword("endobj") {
						b.unreadToken(tok4)
					}
				}
				b.objptr = old
				return objdef{objptr{uint32(t1), uint16(t2)}, obj}
			}
			b.unreadToken(tok3)
		}
		b.unreadToken(tok2)
	}
	return tok
}

func (b *buffer) readArray() object {
	var x array
	for {
		tok := b.readToken()
		// Break on io.EOF as well (readToken returns io.EOF as a token value
		// once the input is exhausted, and readDict already guards for it):
		// otherwise an array that is never closed, e.g. in a truncated
		// content stream, loops forever appending io.EOF objects and
		// allocates memory without bound.
		if tok == nil || tok == io.EOF || tok == keyword("]") {
			break
		}
		b.unreadToken(tok)
		x = append(x, b.readObject())
	}
	return x
}

func (b *buffer) readDict() object {
	x := make(dict)
	for {
		tok := b.readToken()
		if tok == nil || tok == keyword(">>") {
			break
		}
		if tok == io.EOF {
			break
		}
		n, ok := tok.(name)
		if !ok {
			if DebugOn {
				fmt.Printf("DEBUG: %T(%v)\n. Skip dict", tok, tok)
			}
			b.errorf("unexpected non-name key %T(%v) parsing dictionary", tok, tok)
			continue
		}
		x[n] = b.readObject()
	}

	if !b.allowStream {
		return x
	}

	tok := b.readToken()
	if tok != keyword("stream") {
		b.unreadToken(tok)
		return x
	}

	switch b.readByte() {
	case '\r':
		if b.readByte() != '\n' {
			b.unreadByte()
		}
	case '\n':
		// ok
	default:
		b.errorf("stream keyword not followed by newline")
	}

	return stream{x, b.objptr, b.readOffset()}
}

func isSpace(b byte) bool {
	switch b {
	case '\x00', '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelim(b byte) bool {
	switch b {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
