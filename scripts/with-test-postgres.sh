#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback and TEST_DATABASE_URL pointing
# at it, so that the session store's PostgreSQL suite runs against a real server. A caller that
# already has a server sets TEST_DATABASE_URL itself and this script only passes through.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-test-postgres: PostgreSQL is not installed; apt-get install -y postgresql (or set TEST_DATABASE_URL)" >&2
  exit 1
fi
dir="$(mktemp -d)"
as_pg=()
# initdb refuses to run as root: run the server as the postgres system user instead.
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as_pg=(runuser -u postgres --); fi
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U switchboard --auth=trust -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start
cleanup() { "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -s stop || true; rm -rf "$dir"; }
trap cleanup EXIT
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U switchboard switchboard_test
export TEST_DATABASE_URL="postgres://switchboard@127.0.0.1:$port/switchboard_test"
"$@"
