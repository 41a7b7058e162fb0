package textscan

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"5", 5, true}, {"1,250", 1250, true}, {"1.5", 1.5, true}, {"2000.00", 2000, true},
		{"five", 5, true}, {"Nineteen", 19, true}, {"two hundred", 200, true}, {"a dozen", 12, true},
		{"twenty-one", 21, true}, {"one hundred and five", 105, true}, {"ten thousand", 10000, true},
		{"1.2 million", 0, false}, {"", 0, false}, {"hundred", 0, false}, {"five cats", 0, false},
		{"1e9", 0, false}, {"0x10", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"5", "1,250", "two hundred", "a dozen", "twenty-one", "one hundred and five"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := ParseNumber(s); ok && v < 0 {
			t.Fatalf("ParseNumber(%q) = %v, negative", s, v)
		}
	})
}
