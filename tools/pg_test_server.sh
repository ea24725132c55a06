#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (CI and developers).
#
#   eval "$(tools/pg_test_server.sh start)"   # starts it, prints the export line
#   uv run pytest tests/core                  # PostgreSQL tests now run too
#   tools/pg_test_server.sh stop              # stops it and deletes its files
#
# Needs Debian's `postgresql` package (apt-get install postgresql). The cluster lives in
# $PROSPECTION_PG_DIR (default /tmp/prospection-pg-$USER), listens on localhost at
# $PROSPECTION_PG_PORT (default 54329), trusts local connections and holds one database,
# `prospection_test`, owned by the role `prospection`. Two runs on one machine (two
# checkouts, or CI beside a developer) must not share a server: .ci/run gives each run a
# directory and a free port of its own. PostgreSQL refuses to run as root:
# under root (CI) the server runs as the `postgres` system user.
set -euo pipefail

port="${PROSPECTION_PG_PORT:-54329}"
dir="${PROSPECTION_PG_DIR:-/tmp/prospection-pg-$(id -un)}"
url="postgresql+psycopg://prospection@localhost:${port}/prospection_test"

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
else
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bindir="$candidate"
  done
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    if [ -z "$bindir" ]; then
      echo "PostgreSQL is not installed (apt-get install postgresql)." >&2
      exit 1
    fi
    # Reuse a server only if it is really running: a postmaster.pid left by a killed
    # server would otherwise hand the tests a dead port.
    if [ -f "$dir/data/postmaster.pid" ] \
      && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "export PROSPECTION_TEST_PG_URL=$url"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U prospection -A trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test server's data is thrown away, and the tests run faster.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=localhost -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/createdb" -h localhost -p "$port" -U prospection prospection_test
    echo "export PROSPECTION_TEST_PG_URL=$url"
    ;;
  stop)
    if [ -n "$bindir" ] && [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
