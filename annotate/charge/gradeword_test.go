package charge

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestGradeWordOffenses: a grade or aggravation word before a listed head
// is part of the offense's name, in running text and after court
// language, with a degree or an attempt before it.
func TestGradeWordOffenses(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []offenseCase{
		{"felony murder", "He was convicted of felony murder and sentenced to death.", "felony murder", "felony murder"},
		{"felony murder in a list", "The State charged Fox with murder, attempted robbery, and felony murder on May 1.", "felony murder", "felony murder"},
		{"hyphenated", "his felony-murder conviction", "felony-murder", "felony murder"},
		{"aggravated, running text", "The evidence of aggravated assault was weak.", "aggravated assault", "aggravated assault"},
		{"armed", "the armed robbery happened later", "armed robbery", "armed robbery"},
		{"capital", "in a capital murder prosecution", "capital murder", "capital murder"},
		{"voluntary", "the voluntary manslaughter penalty", "voluntary manslaughter", "voluntary manslaughter"},
		{"vehicular", "evidence of vehicular homicide was admitted", "vehicular homicide", "vehicular homicide"},
		{"title case", "COUNT 2: Aggravated Robbery", "Aggravated Robbery", "aggravated robbery"},
		{"degree before", "found guilty of first degree felony murder and", "first degree felony murder", "felony murder in the first degree"},
		{"hyphenated degree before", "a first-degree felony murder charge", "first-degree felony murder", "felony murder in the first degree"},
		{"attempt before", "convicted of attempted felony murder.", "attempted felony murder", "attempted felony murder"},
		{"residential, running text", "He was on parole after a residential burglary in 2015.", "residential burglary", "residential burglary"},
		{"residential, attempt before", "a prior strike for an attempted residential robbery", "attempted residential robbery", "attempted residential robbery"},
	}
	checkOffenses(t, f, tests)
}

// TestGradeWordNotTaken: a grade word on the line before, or a word
// outside the closed class, is not taken into the name.
func TestGradeWordNotTaken(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"he was armed\nrobbery followed", "robbery"},
		{"the violent robbery of a store", "robbery"},
		{"the alleged murder of his wife", "murder"},
	}
	for _, tt := range tests {
		got := texts(f.Find(schemas.Page{Number: 1, Text: tt.in}))
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("Find(%q) = %q, want [%q]", tt.in, got, tt.want)
		}
	}
}
