package main

import "testing"

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"case.pdf":              "case.pdf",
		"=HYPERLINK(\"x\").pdf": "'=HYPERLINK(\"x\").pdf",
		"+1.pdf":                "'+1.pdf",
		"-rf.pdf":               "'-rf.pdf",
		"@SUM(A1).pdf":          "'@SUM(A1).pdf",
		"":                      "",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
