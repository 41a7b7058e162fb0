package sinks_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/casefile/casefile/schemas"
	"github.com/casefile/casefile/sinks"
)

func rec(id byte) schemas.Record {
	return schemas.Record{Schema: schemas.RecordSchemaID, ID: fmt.Sprintf("%064x", id), Source: "s"}
}

func TestJSONLIsIdempotentAcrossReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.jsonl")
	s, err := sinks.OpenJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, rec(1), rec(2), rec(1)); err != nil {
		t.Fatal(err)
	}
	s.Close(ctx)
	s, err = sinks.OpenJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, rec(2), rec(3)); err != nil {
		t.Fatal(err)
	}
	s.Close(ctx)
	if n := lines(t, path); n != 3 {
		t.Errorf("%d lines, want 3 (ids 1, 2, 3 once each)", n)
	}
}

func TestJSONLCutsTornTail(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.jsonl")
	s, _ := sinks.OpenJSONL(path)
	s.Write(ctx, rec(1))
	s.Close(ctx)
	// A crash mid-write leaves half a line.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"schema":"casefile.record/v1","id":"ddd`)
	f.Close()
	s, err := sinks.OpenJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Write(ctx, rec(4))
	s.Close(ctx)
	data, _ := os.ReadFile(path)
	if n := lines(t, path); n != 2 || bytes.Contains(data, []byte(`"ddd`)) {
		t.Errorf("file after repair:\n%s", data)
	}
}

func TestJSONLConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.jsonl")
	s, _ := sinks.OpenJSONL(path)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 30 {
				if err := s.Write(ctx, rec(byte((i*30+j)%60))); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	s.Close(ctx)
	if n := lines(t, path); n != 60 {
		t.Errorf("%d lines, want 60 distinct ids", n)
	}
}

func TestOpenSpecs(t *testing.T) {
	var out bytes.Buffer
	for spec, wantErr := range map[string]bool{
		"-": false, "jsonl:-": false, "jsonl:" + filepath.Join(t.TempDir(), "x.jsonl"): false,
		"jsonl:": true, "postgres": true, "kafka:topic": true,
	} {
		s, err := sinks.Open(context.Background(), spec, sinks.Options{Stdout: &out})
		if (err != nil) != wantErr {
			t.Errorf("Open(%q) error = %v, want error %v", spec, err, wantErr)
		}
		if s != nil {
			s.Close(context.Background())
		}
	}
}

func lines(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(data, []byte("\n"))
}
