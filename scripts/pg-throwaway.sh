#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for tests and prints `export LINLI_TEST_PG_URL=…` and
# `export PGDATA_DIR=…`. Durability settings stay at their defaults (fsync, full_page_writes, synchronous_commit
# on): the server refuses to run on a database that weakens them (REL-5).
# Usage: eval "$(scripts/pg-throwaway.sh start)"; …; scripts/pg-throwaway.sh stop "$PGDATA_DIR"
# The port is $PGPORT when set, else the first free one from 55432 up (several clusters can run side by side).
set -euo pipefail
cmd=${1:-start}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    if [ -z "${PGPORT:-}" ]; then
      PGPORT=55432
      # A port that accepts a connection is taken; try the next one.
      while (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
    fi
    dir=$(mktemp -d -t linli-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    if ! as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >/dev/null; then
      echo "pg-throwaway: PostgreSQL did not start on port $PGPORT; its log:" >&2
      cat "$dir/log" >&2 || true
      rm -rf "$dir"
      exit 1
    fi
    echo "export LINLI_TEST_PG_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    echo "export PGDATA_DIR=$dir"
    ;;
  stop)
    dir=${2:?data dir}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
