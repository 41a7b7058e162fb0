package namekey

import (
	"slices"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jose Doe", "doe jose"},
		{"DOE, JOSE", "doe jose"},
		{"Mr. José Doe", "doe jose"},
		{"Hon. Jane M. Roe", "jane m roe"},
		{"Special Agent John A. Smith", "a john smith"},
		{"Det. O'Brien", "obrien"},
		{"Jose Doe Jr.", "doe jose jr"},
		{"Jose Doe, Jr.", "doe jose jr"},
		{"DOE, JOSE, JR.", "doe jose jr"},
		{"Doe, Jr., Jose", "doe jose jr"},
		{"John Smith III", "iii john smith"},
		{"John Smith 3rd", "iii john smith"},
		{"Jane Roe, Esq.", "jane roe"},
		{"María de la Cruz", "cruz de la maria"},
		{"Garcia-Lopez, Ana", "ana garcialopez"},
		{"Ana Garcia-Lopez", "ana garcialopez"},
		{"Ana García López", "ana garcia lopez"},
		{"Müller", "muller"},
		{"Judge", ""}, // titles alone name nobody
		{"", ""},
		{"  , . ", ""},
		{"Łukasz Żółć", "lukasz zolc"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Name
	}{
		{"Jose Doe", Name{Given: "jose", Surname: "doe"}},
		{"DOE, JOSE A.", Name{Given: "jose", Middle: []string{"a"}, Surname: "doe"}},
		{"John Adam Quincy Smith", Name{Given: "john", Middle: []string{"adam", "quincy"}, Surname: "smith"}},
		{"Maria de la Cruz", Name{Given: "maria", Surname: "de la cruz"}},
		{"Ludwig van Beethoven", Name{Given: "ludwig", Surname: "van beethoven"}},
		{"Doe", Name{Surname: "doe"}},
		{"De Lazzer", Name{Surname: "de lazzer"}},
		{"Judge Doe", Name{Surname: "doe"}},
		{"Robert Smith Sr.", Name{Given: "robert", Surname: "smith", Suffix: "sr"}},
		{"Jr.", Name{Surname: "jr"}},
		{"Sergeant First", Name{Surname: "first"}},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if got.Given != tt.want.Given || got.Surname != tt.want.Surname || got.Suffix != tt.want.Suffix ||
			!slices.Equal(got.Middle, tt.want.Middle) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestCompatible(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"John Doe", "JOHN DOE", true},
		{"John A. Doe", "J. Doe", true},
		{"John Doe", "John Adam Doe", true},
		{"John A. Doe", "John Adam Doe", true},
		{"John A. Doe", "John B. Doe", false},
		{"John Doe", "Jane Doe", false},
		{"J. Doe", "Jane Doe", true},
		{"Jeff Brown", "Jeffrey A. Brown", true},
		{"Jo Brown", "Joseph Brown", false},
		{"John Doe Jr.", "John Doe Sr.", false},
		{"John Doe Jr.", "John Doe", true},
		{"John Doe III", "John Doe II", false},
		{"DOE, JOHN", "John Doe", true},
		{"Doe", "John Doe", false},
		{"John Doe", "John Roe", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := Compatible(tt.a, tt.b); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Compatible(tt.b, tt.a); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSuffix(t *testing.T) {
	for in, want := range map[string]string{"Jr.": "jr", "JR": "jr", "III": "iii", "3rd": "iii", "Senior": "sr", "Doe": "", "Jr. Doe": ""} {
		if got := Suffix(in); got != want {
			t.Errorf("Suffix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrgKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme Inc.", "acme"},
		{"ACME, INC", "acme"},
		{"The Acme Company, Inc.", "acme"},
		{"Drug Enforcement Administration", "administration drug enforcement"},
		{"U.S. Department of Justice", "department justice us"},
		{"United States Department of Justice", "department justice us"},
		{"Ninth Circuit", "9th circuit"},
		{"9th Cir.", "9th circuit"},
		{"3d Cir.", "3rd circuit"},
		{"Department of Justice", "department justice"},
		{"Wells Fargo Bank, N.A.", "bank fargo wells"},
		{"Smith & Jones LLP", "jones smith"},
		{"The Company", "company"},
		{"Société Générale S.A.", "generale societe"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := OrgKey(tt.in); got != tt.want {
			t.Errorf("OrgKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		in   string
		org  bool
		want string
	}{
		{"JOSE DOE", false, "Jose Doe"},
		{"DOE, JOSE", false, "Doe, Jose"},
		{"O'BRIEN", false, "O'Brien"},
		{"MCDONALD", false, "McDonald"},
		{"MC", false, "Mc"},
		{"GARCIA-LOPEZ", false, "Garcia-Lopez"},
		{"JOHN SMITH JR.", false, "John Smith Jr."},
		{"JOHN SMITH III", false, "John Smith III"},
		{"MARIA DE LA CRUZ", false, "Maria de la Cruz"},
		{"DE LA CRUZ", false, "De la Cruz"},
		{"JOHN A. DOE", false, "John A. Doe"},
		{"ÉMILE ZOLA", false, "Émile Zola"},
		{"Kevin McDonald", false, "Kevin McDonald"},
		{"danah  boyd", false, "danah boyd"},
		{"DRUG ENFORCEMENT ADMINISTRATION", true, "Drug Enforcement Administration"},
		{"U.S. DEPARTMENT OF JUSTICE", true, "U.S. Department of Justice"},
		{"NYPD", true, "NYPD"},
		{"ACME LLC", true, "Acme LLC"},
		{"THE BANK OF NEW YORK", true, "The Bank of New York"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := Title(tt.in, tt.org); got != tt.want {
			t.Errorf("Title(%q, %v) = %q, want %q", tt.in, tt.org, got, tt.want)
		}
	}
}

func TestOrgInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"New York Police Department", "nypd"},
		{"NYPD", "nypd"},
		{"Federal Bureau of Investigation", "fbi"},
		{"the FBI", "fbi"},
		{"Drug Enforcement Administration", "dea"},
		{"Acme Inc.", "acme"},
		{"U.S. Department of Justice", "udj"},
		{"Inc.", ""}, // a corporate form alone names nothing
		{"", ""},
	}
	for _, tt := range tests {
		if got := OrgInitials(tt.in); got != tt.want {
			t.Errorf("OrgInitials(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
