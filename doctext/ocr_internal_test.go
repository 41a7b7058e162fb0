package doctext

import (
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
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

func TestNeedsOCR(t *testing.T) {
	prose := strings.Repeat("The defendant was sentenced to 120 months of imprisonment. ", 8)
	short := "For the foregoing reasons, summary judgment in favor of Tyson Foods is AFFIRMED.\n14"
	stamp := "Case 2:20-mj-06108-DUTY Document 10 Filed 12/22/20 Page 1 of 1 Page ID #:55"
	garbled := "81,7('67$7(6 ',675,&7 &2857 )25 7+( 6287+(51"
	tests := []struct {
		name string
		mode OCRMode
		text string
		l    pageLayout
		want bool
	}{
		{"prose", OCRAuto, prose, pageLayout{}, false},
		{"prose over an image", OCRAuto, prose, pageLayout{images: 1}, false},
		{"short page of words, no image", OCRAuto, short, pageLayout{}, false},
		{"stamp over a scan", OCRAuto, stamp, pageLayout{images: 1}, true},
		{"empty, no image (outlined text?)", OCRAuto, "", pageLayout{}, true},
		{"short garble, no image", OCRAuto, garbled, pageLayout{}, true},
		{"force", OCRForce, prose, pageLayout{}, true},
		{"off", OCROff, "", pageLayout{images: 1}, false},
	}
	for _, tt := range tests {
		if got := needsOCR(tt.mode, schemas.Page{Text: tt.text}, tt.l); got != tt.want {
			t.Errorf("needsOCR(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
