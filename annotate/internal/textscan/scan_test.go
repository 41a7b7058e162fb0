package textscan

import "testing"

// lowerASCIIByBytes is ToLowerASCII's contract stated plainly: each ASCII
// capital lowered, every other byte as it is.
func lowerASCIIByBytes(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func TestToLowerASCII(t *testing.T) {
	for _, s := range []string{
		"", "a", "A", "abc", "ABC", "Penal Law § 265.03", "ÉCOLE Ünd İSTANBUL",
		"K\u212a long ſ", "lower then UPPER", "UPPER then lower", "\xff\xfeAB\x80",
	} {
		if got, want := ToLowerASCII(s), lowerASCIIByBytes(s); got != want {
			t.Errorf("ToLowerASCII(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzToLowerASCII(f *testing.F) {
	f.Add("Murder in the SECOND Degree")
	f.Add("ÀB\xffc")
	f.Fuzz(func(t *testing.T, s string) {
		got := ToLowerASCII(s)
		if want := lowerASCIIByBytes(s); got != want {
			t.Fatalf("ToLowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}
