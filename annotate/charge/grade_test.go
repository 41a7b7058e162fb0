package charge

import (
	"testing"

	"github.com/casefile/casefile/schemas"
)

// TestGradedOffenses covers the state forms that grade an offense by a
// class or level, before it or in apposition after it, and the names
// that run on with "dealing in" and "resulting in".
func TestGradedOffenses(t *testing.T) {
	f, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []offenseCase{
		{"level before", "Barker was convicted of Level 3 felony armed robbery.", "armed robbery", "armed robbery"},
		{"class before", "He was charged with Class D felony possession of marijuana.", "possession of marijuana", "possession of marijuana"},
		{"class misdemeanor before", "convicted of class A misdemeanor criminal trespass and", "criminal trespass", "criminal trespass"},
		{"level without trigger", "Count I, Level 1 felony attempted murder; Count II", "attempted murder", "attempted murder"},
		{"level without trigger phrase", "Count II, Level 5 felony battery resulting in bodily injury.", "battery resulting in bodily injury", "battery resulting in bodily injury"},
		{"class apposition goes on", "found guilty of unlawful possession of a weapon by a felon, a Class 2 felony, and armed habitual criminal.", "armed habitual criminal", "armed habitual criminal"},
		{"class apposition first item", "found guilty of unlawful possession of a weapon by a felon, a Class 2 felony, and armed habitual criminal.", "unlawful possession of a weapon by a felon", "unlawful possession of a weapon by a felon"},
		{"level apposition", "charged with murder, a felony, and unlawful possession of a firearm by a serious violent felon, a Level 4 felony.", "unlawful possession of a firearm by a serious violent felon", "unlawful possession of a firearm by a serious violent felon"},
		{"degree felony apposition", "pleaded guilty to grand theft, a felony of the third degree, and dealing in stolen property.", "dealing in stolen property", "dealing in stolen property"},
		{"ordinal felony apposition", "convicted of burglary of a dwelling, a second-degree felony, and grand theft.", "grand theft", "grand theft"},
		{"dealing in", "He was charged with Class A felony dealing in cocaine.", "dealing in cocaine", "dealing in cocaine"},
		{"resulting in death", "convicted of child abuse resulting in death and", "child abuse resulting in death", "child abuse resulting in death"},
		{"charged a named defendant", "The State charged Smith with residential burglary and theft.", "residential burglary", "residential burglary"},
		{"lesser included", "the jury was instructed on the lesser included offense of involuntary manslaughter.", "involuntary manslaughter", "involuntary manslaughter"},
		{"degree in either order", "convicted of second degree assault and attempted first degree murder.", "attempted first degree murder", "attempted murder in the first degree"},
	}
	checkOffenses(t, f, tests)
}

func TestGradesNotOffenses(t *testing.T) {
	f, _ := New()
	tests := []struct{ in, not string }{
		{"Theft is a Class 3 felony in Illinois.", "in Illinois"},
		{"He pleaded guilty to a Class 2 felony.", "Class 2 felony"},
		{"a Level 6 felony conviction may be entered as a misdemeanor", "conviction"},
		{"a class 4 felony, which carries", "which carries"},
		{"the class A felony sentencing range", "sentencing range"},
		{"charged Smith and Jones with", "Jones"},
		{"results resulting in a verdict", "a verdict"},
	}
	for _, tt := range tests {
		for _, e := range f.Find(schemas.Page{Number: 1, Text: tt.in}) {
			if e.Text == tt.not {
				t.Errorf("Find(%q) = %q, want no such charge", tt.in, e.Text)
			}
		}
	}
}
