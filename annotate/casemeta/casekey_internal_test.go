package casemeta

import "testing"

// TestDistrictCaseKey: the forms one district case is printed in share a
// key, so the case block lists the case once.
func TestDistrictCaseKey(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2:16-cv-08033-AB-FFM", "16-cv-8033", true},
		{"CV 16-08033-AB", "16-cv-8033", true},
		{"SACR 19-061-JVS", "19-cr-61", true},
		{"1:18-cv-06822", "18-cv-6822", true},
		{"18 CV 6822", "18-cv-6822", true},
		{"13 C 5626", "13-cv-5626", true},
		{"18 CV 6822 extra", "", false},
		{"43109/2023", "", false},
	}
	for _, tt := range tests {
		if got, ok := districtCaseKey(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("districtCaseKey(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
