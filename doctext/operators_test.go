package doctext

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// pdf.Operators must read a content stream exactly as pdf.Interpret does
// (doctext read pages with Interpret before): the same operators with the
// same operands, the same recovery from a bad operand, the same panic.
// These are the streams that tell them apart if anything does; the fuzz
// target looks for more.
var operatorStreams = []struct{ name, content string }{
	{"text", "BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -14 Td [(W) 120 (orld) -250.5 (!)] TJ ET"},
	{"numbers", "1 -2 +3 .5 -.5 5. 0.000001234 123456789012345678 1234567890123456789 1.2345678901234567 -0.0 0.1 2.675 1e5 cm"},
	{"integer overflow", "99999999999999999999 Tc"},
	{"integer overflow in array", "[1 99999999999999999999 (a)] TJ"},
	{"bad numbers", "1.2.3 --5 . - + 5 Tz"},
	{"strings", `(a\(b\)c\n\101\0) <48 65 6C6C6f> (nested (paren) ok) (\q) Tj`},
	{"odd hex", "<414> Tj (b) Tj"},
	{"unbalanced paren", "BT (open ( never closed) Tj (next) Tj ET"},
	{"stray delimiter", "BT (a) Tj ) (b) Tj ET"},
	{"names", "/F#31 12 Tf /A#2 /B#zz /#41#42 Do"},
	{"dicts", "/P <</MCID 3 /Alt (x) /Nested <</A [1 2]>>>> BDC (t) Tj EMC"},
	{"bad dict key", "/P <<(notaname) 1>> BDC 5 Tc"},
	{"keywords in arrays", "[(a) Tj (b)] TJ [1 [2 [3]] null true false] TJ"},
	{"postscript", "<< /a 5 >> begin a Tc 1 dict begin /x 7 def x Tw end end"},
	{"def outside begin", "/x 5 def 3 Tc"},
	{"currentdict without dict", "currentdict"},
	{"end without begin", "end"},
	{"begin non-dict", "5 begin"},
	{"pop", "1 2 pop Td"},
	{"braces", "{ 1 2 } 3 Tc"},
	{"unterminated array", "[(a) 1 2"},
	{"unterminated dict", "<< /a 1"},
	{"unterminated hex", "<4142"},
	{"comment", "% a comment ) ( <\n1 Tc % trailing"},
	{"inline image", "BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff)(\x80<< EI Q"},
	{"empty", ""},
	{"deep", strings.Repeat("[", 1200) + strings.Repeat("]", 1200) + " TJ"},
	{"long operator", "averyverylongoperatorname 1 T* '' \" ' Tj"},
	{"odd operators", "1 2 3 4 5 6 d0 d1 W* f* B* b* BX EX sh"},
}

func TestOperatorsMatchInterpret(t *testing.T) {
	for _, tc := range operatorStreams {
		t.Run(tc.name, func(t *testing.T) {
			compareOperators(t, tc.content)
		})
	}
}

func FuzzOperators(f *testing.F) {
	for _, tc := range operatorStreams {
		f.Add(tc.content)
	}
	f.Fuzz(func(t *testing.T, content string) {
		if strings.Contains(content, "endstream") {
			t.Skip("ends the stream early in one reader and not the other")
		}
		compareOperators(t, content)
	})
}

func compareOperators(t *testing.T, content string) {
	t.Helper()
	strm := contentStream(t, content)
	want := interpretTrace(strm)
	got := operatorsTrace(strm)
	if !slices.Equal(got, want) {
		t.Errorf("content %q:\nOperators: %q\nInterpret: %q", content, got, want)
	}
}

// contentStream returns the content stream of a one-page PDF.
func contentStream(tb testing.TB, content string) pdf.Value {
	tb.Helper()
	data := onePage(content)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	return r.Page(1).V.Key("Contents")
}

func interpretTrace(strm pdf.Value) (trace []string) {
	defer func() {
		if v := recover(); v != nil {
			trace = append(trace, fmt.Sprintf("panic: %v", v))
		}
	}()
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]string, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = valueString(stk.Pop())
		}
		trace = append(trace, op+"("+strings.Join(args, " ")+")")
	})
	return trace
}

func operatorsTrace(strm pdf.Value) (trace []string) {
	defer func() {
		if v := recover(); v != nil {
			trace = append(trace, fmt.Sprintf("panic: %v", v))
		}
	}()
	pdf.Operators(strm, func(op string, args []pdf.Operand) {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = operandString(a)
		}
		trace = append(trace, op+"("+strings.Join(s, " ")+")")
	})
	return trace
}

// valueString and operandString write what doctext reads of an operand:
// its kind, number, bytes and elements.
func valueString(v pdf.Value) string {
	switch v.Kind() {
	case pdf.Integer:
		return "i" + strconv.FormatFloat(v.Float64(), 'g', -1, 64)
	case pdf.Real:
		return "r" + strconv.FormatFloat(v.Float64(), 'g', -1, 64)
	case pdf.Bool:
		return fmt.Sprint(v.Bool())
	case pdf.String:
		return strconv.Quote(v.RawString())
	case pdf.Name:
		return "/" + v.Name()
	case pdf.Array:
		s := make([]string, v.Len())
		for i := range s {
			s[i] = valueString(v.Index(i))
		}
		return "[" + strings.Join(s, " ") + "]"
	case pdf.Dict:
		return "<<dict>>"
	}
	return "null"
}

func operandString(o pdf.Operand) string {
	switch o.Kind {
	case pdf.Integer:
		return "i" + strconv.FormatFloat(o.Float64(), 'g', -1, 64)
	case pdf.Real:
		return "r" + strconv.FormatFloat(o.Float64(), 'g', -1, 64)
	case pdf.Bool:
		return fmt.Sprint(o.Num != 0)
	case pdf.String:
		return strconv.Quote(string(o.Bytes))
	case pdf.Name:
		return "/" + string(o.Bytes)
	case pdf.Array:
		s := make([]string, len(o.Elems))
		for i, e := range o.Elems {
			s[i] = operandString(e)
		}
		return "[" + strings.Join(s, " ") + "]"
	case pdf.Dict:
		return "<<dict>>"
	}
	return "null"
}
