package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// benchRecord is a record of the sample texts' pages with an entity on
// every word that starts a line, so its size is a real record's.
func benchRecord(b *testing.B) *schemas.Record {
	rec := validRecord()
	rec.Pages, rec.Entities = nil, nil
	files, _ := filepath.Glob("../testdata/text/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, text := range strings.Split(string(data), "\f") {
			p := schemas.Page{Number: len(rec.Pages) + 1, Method: schemas.MethodText, Text: text}
			rec.Pages = append(rec.Pages, p)
			runes := []rune(text)
			for i := 0; i+5 <= len(runes); i += 97 {
				if w := string(runes[i : i+5]); strings.TrimSpace(w) == w && !strings.ContainsAny(w, " \n\t") {
					rec.Entities = append(rec.Entities, schemas.Entity{Type: schemas.Date, Text: w, Page: p.Number,
						Start: i, End: i + 5, Source: schemas.SourceRule, Attrs: &schemas.DateAttrs{ISO: "2020-06-01"}})
				}
			}
		}
	}
	rec.Document.Pages = len(rec.Pages)
	return rec
}

// BenchmarkRecordEncoding compares what the annotate stage did to a record
// before it left (validate by marshalling and parsing, then marshal again
// to publish) with what it does now (marshal once, validate those bytes,
// publish them).
func BenchmarkRecordEncoding(b *testing.B) {
	rec := benchRecord(b)
	b.Run("validate-then-marshal", func(b *testing.B) {
		for b.Loop() {
			if err := schemas.Validate(rec); err != nil {
				b.Fatal(err)
			}
			data, err := json.Marshal(rec)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
		}
	})
	b.Run("encode-once", func(b *testing.B) {
		for b.Loop() {
			data, err := schemas.Encode(rec)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
		}
	})
}

// BenchmarkRecordDecoding decodes a record as the sink stage does.
func BenchmarkRecordDecoding(b *testing.B) {
	data, err := schemas.Encode(benchRecord(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var rec schemas.Record
		if err := json.Unmarshal(data, &rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordDecode compares encoding/json's reading of a record with
// Decode's, which a sink stage does once per record.
func BenchmarkRecordDecode(b *testing.B) {
	data, err := schemas.Encode(benchRecord(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var r schemas.Record
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var r schemas.Record
			if err := schemas.Decode(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
