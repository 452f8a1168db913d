#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 (Debian's) for tests.
#
#   scripts/pg-start.sh [PORT]      PORT defaults to 54329
#
# stdout gets exactly two lines, so a caller can `eval "$(scripts/pg-start.sh)"`:
#   export DATABASE_URL=postgres://vetted@127.0.0.1:PORT/vetted?sslmode=disable
#   export PG_TEST_DIR=/tmp/vetted-pg.XXXX        (pass it to scripts/pg-stop.sh)
# Progress and errors go to stderr.
set -euo pipefail

port="${1:-54329}"
bin=/usr/lib/postgresql/15/bin

if [ ! -x "$bin/initdb" ]; then
  echo "pg-start: $bin/initdb not found; run scripts/setup.sh --ci (or apt-get install -y postgresql)" >&2
  exit 1
fi

# initdb refuses to run as root, so the cluster belongs to the 'postgres' user
# (created by Debian's postgresql package) and every server command runs as it.
dir="$(mktemp -d "${PG_TMP_PARENT:-/tmp}/vetted-pg.XXXXXX")"
chmod 755 "$dir"     # mktemp makes it 700; postgres must be able to enter it
chown postgres: "$dir"
as_pg() { runuser -u postgres -- "$@"; }
# On any failure below, stop whatever started and remove the folder.
fail_cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap fail_cleanup ERR

# Trust auth is fine: the server listens on loopback and a socket inside $dir only.
# --no-sync: skip the final fsync of the new cluster (seconds saved; data is throwaway).
as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
  || { echo "pg-start: initdb failed:" >&2; cat "$dir/initdb.log" >&2; false; }

# fsync off etc.: the data is thrown away, so trade durability for speed.
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=500" \
  start >/dev/null \
  || { echo "pg-start: server did not start (port $port taken?):" >&2; cat "$dir/server.log" >&2; false; }

# Superuser so that tests may CREATE DATABASE per test.
as_pg psql -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE vetted LOGIN SUPERUSER" \
  -c "CREATE DATABASE vetted OWNER vetted" >&2
trap - ERR

echo "pg-start: PostgreSQL 15 on 127.0.0.1:$port, data in $dir (stop: scripts/pg-stop.sh $dir)" >&2
echo "export DATABASE_URL=postgres://vetted@127.0.0.1:$port/vetted?sslmode=disable"
echo "export PG_TEST_DIR=$dir"
