#!/usr/bin/env bash
# Search across cases at the bench volume (README: "Search across cases"): a throw-away PostgreSQL cluster in a
# temporary directory, the seed of search-seed.sql, then pgbench running search-query.sql (the SQL SearchStore runs
# for a staff member: cases and running-log entries, ranked, highlighted) as a non-owner role under RLS.
# Usage: deploy/bench/search-bench.sh [--tenants 1000] [--clients 2] [--seconds 60]
set -euo pipefail
tenants=1000; clients=2; seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --tenants) tenants=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/tf-search-bench.XXXXXX)
port=$((20000 + RANDOM % 10000))
chown -R postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() { as_pg "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust" >/dev/null
as_pg "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c shared_buffers=512MB -c work_mem=16MB -c max_wal_size=4GB' -l $dir/log start" >/dev/null
start=$(date +%s)
as_pg "$bin/psql -q -h $dir -p $port -U postgres -v ON_ERROR_STOP=1 -v tenants=$tenants -f $here/search-seed.sql" >/dev/null
echo "seeded $tenants tenants × 100 cases × 50 entries in $(( $(date +%s) - start )) s"
as_pg "$bin/psql -h $dir -p $port -U postgres -Atc \"select 'log entries: ' || count(*) from log_entry\""
cp "$here/search-query.sql" "$dir/q.sql"; chmod a+r "$dir/q.sql"
as_pg "$bin/pgbench -h $dir -p $port -U bench_app -n -c $clients -j $clients -T 10 -f $dir/q.sql postgres" >/dev/null
as_pg "$bin/pgbench -h $dir -p $port -U bench_app -n -c $clients -j $clients -T $seconds -f $dir/q.sql -l --log-prefix=$dir/lat postgres" | grep -E 'tps|latency|failed'
cat "$dir"/lat* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  (%d searches)\n", a[int(NR*0.5)]/1000, a[int(NR*0.9)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000, NR}'
