package main

import (
	"slices"
	"testing"
)

func TestNYCNames(t *testing.T) {
	tests := []struct {
		area string
		want []string
	}{
		{"Castle Hill-Unionport", []string{"Castle Hill", "Unionport"}},
		{"Mott Haven/Hunts Point", []string{"Mott Haven", "Hunts Point"}},
		{"Bedford-Stuyvesant (West)", []string{"Bedford", "Stuyvesant", "Bedford-Stuyvesant"}},
		{"Co-op City", []string{"Co-op City"}},
		{"park-cemetery-etc-Bronx", nil},
		{"Kingsbridge - Riverdale", []string{"Kingsbridge", "Riverdale"}},
		{"Crotona -Tremont", []string{"Crotona", "Tremont"}},
		{"Inwood", []string{"Inwood"}},
	}
	for _, tt := range tests {
		if got := nycNames(tt.area); !slices.Equal(got, tt.want) {
			t.Errorf("nycNames(%q) = %q, want %q", tt.area, got, tt.want)
		}
	}
}
