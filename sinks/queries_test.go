package sinks_test

import (
	"os"
	"strings"
	"testing"

	"github.com/casefile/casefile/sinks"
)

// TestREADMEQueries keeps README's example queries the ones the store
// tests run (cmd/casefile TestRunIntoDatabases).
func TestREADMEQueries(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sinks.ExampleQueries {
		for dialect, text := range map[string]string{"SQLite": q.SQLite, "PostgreSQL": q.Postgres} {
			if !strings.Contains(string(readme), text) {
				t.Errorf("README lacks the %s query %q:\n%s", dialect, q.Name, text)
			}
		}
	}
}
