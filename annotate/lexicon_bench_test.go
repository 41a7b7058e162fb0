package annotate

import (
	"runtime"
	"testing"
)

// BenchmarkLoadModels measures loading every model and lexicon once, as a
// process does at start, and the heap they keep.
func BenchmarkLoadModels(b *testing.B) {
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		m, err := LoadModels()
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
		runtime.KeepAlive(m)
	}
}

// BenchmarkLoadLexicons measures the lexicons alone: name lists and the
// gazetteer of places, countries, courts and cities.
func BenchmarkLoadLexicons(b *testing.B) {
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		given, err := loadWordList("given-names.txt")
		if err != nil {
			b.Fatal(err)
		}
		surnames, err := loadWordList("surnames.txt")
		if err != nil {
			b.Fatal(err)
		}
		g, err := loadLexicons(given, surnames)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
		runtime.KeepAlive(g)
		runtime.KeepAlive(given)
		runtime.KeepAlive(surnames)
	}
}
