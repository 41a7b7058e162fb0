package sinks_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/casefile/casefile/sinks"
)

func TestTransient(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"server shutting down", &pgconn.PgError{Code: "57P01"}, true},
		{"connection failure", fmt.Errorf("write: %w", &pgconn.PgError{Code: "08006"}), true},
		{"too many connections", &pgconn.PgError{Code: "53300"}, true},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"undefined column", &pgconn.PgError{Code: "42703"}, false},
		{"connection dropped", fmt.Errorf("copy: %w", io.ErrUnexpectedEOF), true},
		{"sqlite locked", errors.New("sinks: sqlite: database is locked (5) (SQLITE_BUSY)"), true},
		{"stopping", context.Canceled, false},
		{"bad data", errors.New("sinks: sqlite: entity 3: NOT NULL constraint failed"), false},
	}
	for _, tt := range tests {
		if got := sinks.Transient(tt.err); got != tt.want {
			t.Errorf("%s: Transient(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://casefile:s3cret@db.example:5432/cases?sslmode=require":     "postgres://casefile:xxxxx@db.example:5432/cases?sslmode=require",
		"postgres://casefile@db.example/cases?password=s3cret&sslmode=require": "postgres://casefile@db.example/cases?password=xxxxx&sslmode=require",
		"postgresql:///cases?host=/run/pg&sslpassword=s3cret&password=s3cret":  "postgresql:///cases?host=%2Frun%2Fpg&password=xxxxx&sslpassword=xxxxx",
		"sqlite:casefile.db": "sqlite:casefile.db",
		"jsonl:-":            "jsonl:-",
	} {
		if got := sinks.Redact(in); got != want || strings.Contains(got, "s3cret") {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
