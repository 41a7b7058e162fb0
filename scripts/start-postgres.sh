#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback for the tests and print the
# connection string to export as CASEFILE_TEST_POSTGRES. Needs Debian's
# postgresql package (.ci/run installs it). Usage:
#   export CASEFILE_TEST_POSTGRES=$(scripts/start-postgres.sh [PORT])
set -euo pipefail
port="${1:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "start-postgres: PostgreSQL server not installed (apt-get install postgresql)" >&2
  exit 1
fi
data="$(mktemp -d /tmp/casefile-pg.XXXXXX)"
user=postgres
if [ "$(id -u)" -eq 0 ]; then
  chown "$user" "$data"
  run=(runuser -u "$user" --)
else
  user="$(id -un)"
  run=()
fi
"${run[@]}" "$bin/initdb" -D "$data" -A trust -U postgres --no-sync >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c fsync=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
