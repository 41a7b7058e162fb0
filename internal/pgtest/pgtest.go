// Package pgtest gives tests a PostgreSQL database of their own on the
// server CASEFILE_TEST_POSTGRES names (scripts/start-postgres.sh starts
// one; .ci/run does so for CI), dropped when the test ends ([Database]);
// and, for tests that stop and restart the store, a server of a test's
// own from the installed PostgreSQL binaries ([StartServer]).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the variable holding the admin connection string.
const EnvDSN = "CASEFILE_TEST_POSTGRES"

// Database creates a fresh database and returns its connection string, or
// skips tb when no server is configured.
func Database(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(EnvDSN)
	if admin == "" {
		tb.Skipf("%s not set: start a server with scripts/start-postgres.sh", EnvDSN)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	name := "casefile_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), admin)
		if err != nil {
			return
		}
		defer conn.Close(context.Background())
		conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("pgtest: %s: %v", EnvDSN, err)
	}
	u.Path = "/" + name
	return u.String()
}
