#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store and queue suites and prints its URL.
# Installs the server first when it is absent (Debian). Usage: eval "$(.ci/start-postgres.sh)"
# prints `export TEST_DATABASE_URL=…; export TEST_PG_DIR=…`; stop it with .ci/stop-postgres.sh.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin="$(find_bin || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || true
  bin="$(find_bin || true)"
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "echo 'PostgreSQL could not be installed; the PostgreSQL suite will be skipped' >&2"
  exit 0
fi

dir="$(mktemp -d /tmp/dpg-pg.XXXXXX)"
chmod 755 "$dir"
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
# A free port, so parallel runs on one machine do not collide.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
run_as "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync" >/dev/null 2>&1
run_as "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" start" >/dev/null 2>&1 || {
  echo "echo 'PostgreSQL did not start (see $dir/log); the PostgreSQL suite will be skipped' >&2"
  exit 0
}
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres; export TEST_PG_DIR=$dir"
