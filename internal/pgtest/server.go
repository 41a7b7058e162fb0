package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a PostgreSQL server of one test's own, from Debian's server
// binaries, so the test can stop and start it.
type Server struct {
	// DSN connects to its postgres database.
	DSN  string
	bin  string
	data string
	port int
	tb   testing.TB
}

// StartServer initializes and starts a server on a free loopback port,
// stopped and removed when the test ends; it skips tb when no PostgreSQL
// server binaries are installed.
func StartServer(tb testing.TB) *Server {
	tb.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		tb.Skip("PostgreSQL server not installed (apt-get install postgresql)")
	}
	sort.Strings(bins)
	s := &Server{bin: filepath.Dir(bins[len(bins)-1]), tb: tb}
	data, err := os.MkdirTemp("", "casefile-pgtest-")
	if err != nil {
		tb.Fatal(err)
	}
	s.data = data
	tb.Cleanup(func() {
		s.run("pg_ctl", "-D", s.data, "-m", "immediate", "stop")
		os.RemoveAll(s.data)
	})
	if os.Geteuid() == 0 { // initdb refuses root: run the server as postgres
		u, err := user.Lookup("postgres")
		if err != nil {
			tb.Skip("running as root and there is no postgres user")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(data, uid, gid); err != nil {
			tb.Fatal(err)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	if out, err := s.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"); err != nil {
		tb.Fatalf("initdb: %v\n%s", err, out)
	}
	s.Start()
	s.DSN = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", s.port)
	return s
}

// run runs one of the server's programs, as postgres when we are root.
func (s *Server) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, prog)
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	return cmd.CombinedOutput()
}

// Start starts the server and waits until it takes connections.
func (s *Server) Start() {
	s.tb.Helper()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s", s.port, s.data)
	if out, err := s.run("pg_ctl", "-D", s.data, "-l", filepath.Join(s.data, "log"), "-w", "-o", opts, "start"); err != nil {
		s.tb.Fatalf("pg_ctl start: %v\n%s", err, out)
	}
}

// Stop stops the server at once, as a crash or an operator's fast
// shutdown would, and returns when it is down.
func (s *Server) Stop() {
	s.tb.Helper()
	if out, err := s.run("pg_ctl", "-D", s.data, "-m", "fast", "-w", "stop"); err != nil {
		s.tb.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

// Count returns the result of a one-number query.
func (s *Server) Count(q string) int {
	s.tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN)
	if err != nil {
		s.tb.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
		s.tb.Fatalf("%s: %v", q, err)
	}
	return n
}
