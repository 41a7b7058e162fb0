package main

import (
	"slices"
	"testing"
)

func TestReadAgencies(t *testing.T) {
	data := []byte("SET x = 0;\nCOPY public.\"Agencies\" (id, agency, acronym, \"createdAt\", \"updatedAt\") FROM stdin;\n" +
		"69\tCenters for Disease Control and Prevention\tCDC\tt\tt\n22\tAlabama\t\tt\tt\n\\.\nSELECT 1;\n")
	got, err := readAgencies(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []agency{{"Centers for Disease Control and Prevention", "CDC"}, {"Alabama", ""}}
	if !slices.Equal(got, want) {
		t.Errorf("readAgencies = %v, want %v", got, want)
	}
	for _, bad := range []string{"no copy block\n", "COPY public.\"Agencies\" (id) FROM stdin;\n1\n"} {
		if _, err := readAgencies([]byte(bad)); err == nil {
			t.Errorf("readAgencies(%q) = nil error, want one", bad)
		}
	}
}

func TestKeepAgency(t *testing.T) {
	states := map[string]bool{"alabama": true, "district of columbia": true}
	tests := []struct {
		name string
		want bool
	}{
		{"Centers for Disease Control and Prevention", true},
		{"Bureau of Alcohol, Tobacco, Firearms and Explosives", true},
		{"Army", false},                 // one word
		{"District of Columbia", false}, // a place
		{"Congress—U.S. Senate", false}, // compound entry
		{"Archives, National Archives and Records Administration", false}, // inverted: one word before the comma
		{"Office of Civil Rights, Department of Education", false},        // inverted: a comma that is no series
		{"Energy Star Program", false},                                    // a program
		{"Political Affairs", false},                                      // no body's head noun
		{"Economic Growth, Energy, and the Environment", false},
	}
	for _, tt := range tests {
		if got := keepAgency(tt.name, states); got != tt.want {
			t.Errorf("keepAgency(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestKeepAcronym(t *testing.T) {
	words := map[string]bool{"cops": true, "doc": true}
	given := map[string]int{"eric": 1}
	codes := map[string]bool{"VA": true, "CA": true}
	for a, want := range map[string]bool{"CDC": true, "FDA": true, "COPS": false, "DOC": false, "ERIC": false, "VA": false, "ED": false, "US CERT": false, "NHLBIXX": false} {
		if got := keepAcronym(a, words, given, codes); got != want {
			t.Errorf("keepAcronym(%q) = %v, want %v", a, got, want)
		}
	}
}

func TestAgencyKey(t *testing.T) {
	for name, want := range map[string]string{
		"Justice Department":                          "Department of Justice",
		"U.S. Department of Justice":                  "Department of Justice",
		"Federal Bureau of Prisons":                   "Bureau of Prisons",
		"United States Marshals Service":              "Marshals Service",
		"Department of Housing and Urban Development": "Department of Housing and Urban Development",
		"Office of the Inspector General Department":  "Office of the Inspector General Department",
	} {
		if got := agencyKey(name); got != want {
			t.Errorf("agencyKey(%q) = %q, want %q", name, got, want)
		}
	}
}
