#!/usr/bin/env bash
# Stops and removes the cluster .ci/start-postgres.sh started (TEST_PG_DIR).
set -uo pipefail
[ -n "${TEST_PG_DIR:-}" ] && [ -d "$TEST_PG_DIR/data" ] || exit 0
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$TEST_PG_DIR/data' -m fast stop" >/dev/null 2>&1
else "$bin/pg_ctl" -D "$TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1; fi
rm -rf "$TEST_PG_DIR"
