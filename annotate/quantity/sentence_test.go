package quantity

import "testing"

func TestSentenceEnd(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"", true},
		{"He said.  ", true},
		{"COUNT:\n", true},
		{"the “", true},
		{"the \"", true},
		{"the ", false},
		{"the) ", false},
		{"café ", false},
	}
	for _, tt := range tests {
		if got := sentenceEnd(tt.before+"Four", len(tt.before)); got != tt.want {
			t.Errorf("sentenceEnd(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}
