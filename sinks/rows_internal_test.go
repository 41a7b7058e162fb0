package sinks

import (
	"slices"
	"testing"
)

func TestInsertChunks(t *testing.T) {
	tests := []struct {
		name       string
		n, columns int
		ladder     bool
		want       []int
	}{
		{name: "none", n: 0, columns: 17, want: nil},
		{name: "one row", n: 1, columns: 17, want: []int{1}},
		{name: "fits one statement", n: 900, columns: 17, want: []int{900}},
		{name: "over the parameter bound", n: 2000, columns: 17, want: []int{963, 963, 74}},
		{name: "ladder, one row", n: 1, columns: 17, ladder: true, want: []int{1}},
		{name: "ladder, powers of four", n: 4737, columns: 17, ladder: true,
			want: append(slices.Repeat([]int{256}, 18), 64, 64, 1)},
		{name: "ladder, narrow rows", n: 5000, columns: 3, ladder: true, want: []int{4096, 256, 256, 256, 64, 64, 4, 4}},
		{name: "ladder, wide rows", n: 3, columns: maxParams, ladder: true, want: []int{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := insertChunks(tt.n, tt.columns, tt.ladder)
			if !slices.Equal(got, tt.want) {
				t.Errorf("insertChunks(%d, %d, %v) = %v, want %v", tt.n, tt.columns, tt.ladder, got, tt.want)
			}
			sum := 0
			for _, c := range got {
				sum += c
				if c*tt.columns > maxParams && c > 1 {
					t.Errorf("a chunk of %d rows of %d columns passes %d parameters", c, tt.columns, maxParams)
				}
			}
			if sum != tt.n {
				t.Errorf("chunks cover %d rows, want %d", sum, tt.n)
			}
		})
	}
}
