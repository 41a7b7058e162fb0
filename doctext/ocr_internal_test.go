package doctext

import (
	"strings"
	"testing"
)

func TestUsableText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"prose", strings.Repeat("The defendant was sentenced to 120 months of imprisonment. ", 8), true},
		{"exhibit table", strings.Repeat("19A 488 5\n19B 674 6\n21A 113 2\n", 12), true},
		{"font without unicode map", strings.Repeat("81,7('67$7(6 ',675,&7 &2857 )25 7+( ", 10), false},
		{"only an ECF stamp", "Case 2:20-mj-06108-DUTY Document 10 Filed 12/22/20 Page 1 of 1 Page ID #:55", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := usableText(tt.text); got != tt.want {
			t.Errorf("usableText(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
