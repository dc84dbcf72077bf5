#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `scripts/postgres.sh` prints its connection string.
#
#   scripts/postgres.sh          install (Debian, as root) if missing, init, start, print the URL
#   scripts/postgres.sh stop     stop it (the data folder stays; `rm -rf` it to start afresh)
#   scripts/postgres.sh --no-install   fail instead of installing the package (the test helper's way)
#
# The cluster lives in $CODEGEN_PG_DIR (default: $TMPDIR or /tmp, `codegen-postgres`), listens on
# 127.0.0.1:$CODEGEN_PG_PORT (default 54329) only, trusts loopback connections, and runs with
# fsync off: it holds test data and nothing else. Running it again while the server is up only
# prints the URL, so it is cheap to call before every test run. As root (CI), the server runs as
# the `postgres` user that Debian's package creates, since PostgreSQL refuses to run as root.
# Everything but the URL goes to stderr.
set -euo pipefail

port="${CODEGEN_PG_PORT:-54329}"
dir="${CODEGEN_PG_DIR:-${TMPDIR:-/tmp}/codegen-postgres}"
database="codegen_test"
url="postgres://postgres@127.0.0.1:${port}/${database}"

say() { echo "postgres.sh: $*" >&2; }

# Debian installs the binaries in /usr/lib/postgresql/<version>/bin, off the PATH; elsewhere they
# are usually on it.
find_bindir() {
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  return 1
}

install_postgres() {
  if [ "${1:-}" = "--no-install" ]; then
    say "PostgreSQL is not installed (see scripts/postgres.sh to install and start it)."
    exit 1
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is not installed; install it (Debian: sudo apt-get install postgresql) and rerun."
    exit 1
  fi
  say "installing Debian's postgresql package…"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# PostgreSQL will not run as root: as root, run its tools as `postgres`.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bindir="$(find_bindir || true)"
if [ -z "$bindir" ]; then
  install_postgres "${1:-}"
  bindir="$(find_bindir)"
fi

ready() { "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; }

if [ "${1:-}" = "stop" ]; then
  if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2; fi
  exit 0
fi

# Test workers may call this at the same moment: one initialises and starts, the others wait.
mkdir -p "$(dirname "$dir")"
exec 9>"$dir.lock"
flock 9

if ! ready; then
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    say "initialising a cluster in $dir/data"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  say "starting on 127.0.0.1:$port"
  # 9>&-: the server must not inherit the lock, or it would hold it for its whole life.
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 9>&- ||
    { tail -n 20 "$dir/server.log" >&2; exit 1; }
  for _ in $(seq 1 50); do ready && break; sleep 0.2; done
  ready || { say "the server did not become ready; see $dir/server.log"; exit 1; }
fi

exists="$("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$database'")"
if [ "$exists" != 1 ]; then
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
fi
echo "$url"
