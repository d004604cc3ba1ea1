#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source .ci/postgres.sh` installs PostgreSQL from the Debian packages
# if missing, initialises a cluster in a temporary directory as an unprivileged user, starts it on a free local port
# and exports WHOSAID_TEST_DATABASE_URL; stop_test_postgres stops it and removes the directory.
# Without root (to install or to switch user) it says so and leaves WHOSAID_TEST_DATABASE_URL unset.

pg_bin () {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

start_test_postgres () {
  local bin
  bin="$(pg_bin || true)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then echo "postgres.sh: PostgreSQL is not installed and this is not root; PostgreSQL tests are skipped" >&2; return 0; fi
    apt-get update && apt-get install -y --no-install-recommends postgresql >/dev/null
    bin="$(pg_bin)"
  fi
  # initdb refuses to run as root: the cluster belongs to an unprivileged user.
  local user
  user="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
  fi
  WHOSAID_PG_DIR="$(mktemp -d /tmp/whosaid-pg.XXXXXX)"
  chown "$user" "$WHOSAID_PG_DIR"
  local port
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  run_as () { if [ "$(id -u)" -eq 0 ]; then su -s /bin/sh "$user" -c "$*"; else sh -c "$*"; fi; }
  run_as "'$bin/initdb' -D '$WHOSAID_PG_DIR/data' -U whosaid --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$WHOSAID_PG_DIR/initdb.log' 2>&1" || { cat "$WHOSAID_PG_DIR/initdb.log" >&2; return 1; }
  # Tests only: no durability needed, which makes commits far cheaper.
  run_as "'$bin/pg_ctl' -D '$WHOSAID_PG_DIR/data' -l '$WHOSAID_PG_DIR/server.log' -w -o \"-p $port -k '$WHOSAID_PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null" || { cat "$WHOSAID_PG_DIR/server.log" >&2; return 1; }
  WHOSAID_PG_BIN="$bin"
  WHOSAID_PG_USER="$user"
  export WHOSAID_TEST_DATABASE_URL="postgres://whosaid@127.0.0.1:$port/postgres"
  echo "postgres.sh: PostgreSQL running at $WHOSAID_TEST_DATABASE_URL (data in $WHOSAID_PG_DIR)" >&2
}

stop_test_postgres () {
  [ -n "${WHOSAID_PG_DIR:-}" ] || return 0
  if [ "$(id -u)" -eq 0 ]; then
    su -s /bin/sh "$WHOSAID_PG_USER" -c "'$WHOSAID_PG_BIN/pg_ctl' -D '$WHOSAID_PG_DIR/data' -m immediate stop >/dev/null 2>&1" || true
  else
    "$WHOSAID_PG_BIN/pg_ctl" -D "$WHOSAID_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WHOSAID_PG_DIR"
  unset WHOSAID_PG_DIR WHOSAID_TEST_DATABASE_URL
}
