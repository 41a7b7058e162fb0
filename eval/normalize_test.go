package eval

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ typ, in, want string }{
		{"ORGANIZATION", "California Department of Corrections and\n13 Rehabilitation", "california department of corrections and rehabilitation"},
		{"ORGANIZATION", "the Federal Bureau of Investigation (FBI)", "federal bureau of investigation"},
		{"PERSON", "Judge Oetken’s", "oetken"},
		{"QUANTITY", "$1,000,000", "$1000000"},
		{"PLACE", "Los\nAngeles", "los angeles"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.typ, tt.in); got != tt.want {
			t.Errorf("Normalize(%s, %q) = %q, want %q", tt.typ, tt.in, got, tt.want)
		}
	}
}
