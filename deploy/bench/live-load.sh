#!/usr/bin/env bash
# Benchmark: live updates fan-out (GET /api/v1/live, server-sent events fed by PostgreSQL LISTEN/NOTIFY) with
# CLIENTS clients on one instance, beside the same NOTIFY path without the application (a plain JDBC LISTEN client)
# and pgbench inserting the same live_event rows (see deploy/bench/README.md). Not a test.
#
# Starts Keycloak (dev realm, longer token lifespan) and the application jar with its embedded PostgreSQL in
# deploy/.work/bench-live (wiped at each run), registers the demo staff; pgbench: the insert of one live_event row per
# transaction on 1 connection, 10 s unthrottled (the writer's ceiling); then LiveLoad.java (separate JVM): the JDBC
# LISTEN ceiling at each rate, CLIENTS SSE clients, each rate again with them, more rates (PUSH) until one saturates,
# a reorder check, and the application's memory before and after. Prints Markdown (also in
# deploy/.work/bench-live/run/results.md); everything it started is stopped at the end.
#
# Environment (defaults): CLIENTS=1000 RATES=10,50 PUSH=100,150,200 (events/s) WARMUP=10 DURATION=30 (s per rate)
#   REORDER=50 (pairs) POOL=10 (the application's default pool) KC_PORT=18480 APP_PORT=18490
#   JAVA_OPTS='-Xms64m -Xmx512m' (the flags of deploy/run-local.sh), LOAD_JAVA_OPTS='-Xms64m -Xmx512m' (the driver).
# Needs: a JDK, curl, jq, psql and pgbench, unzip (installed with apt-get when missing; it runs as root).
set -euo pipefail

NAME=live-load
WORK="$(cd "$(dirname "$0")/.." && pwd)/.work/bench-live"
CLIENTS=${CLIENTS:-1000}
RATES=${RATES:-10,50}
PUSH=${PUSH-100,150,200}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
REORDER=${REORDER:-50}
POOL=${POOL:-10}
KC_PORT=${KC_PORT:-18480}
APP_PORT=${APP_PORT:-18490}
APP_JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx512m}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms64m -Xmx512m}
# shellcheck source=deploy/bench/bench-app.sh
. "$(dirname "$0")/bench-app.sh"

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
START_TIME=$(date -u '+%Y-%m-%d %H:%M UTC')
ROLE_FACTS=$("${APP[@]}" -At -c "select format('%s: superuser %s, bypassrls %s', current_user, r.rolsuper, r.rolbypassrls)
  from pg_roles r where r.rolname = current_user")

# what a stream looks like (kept for the record)
curl -s -N -m 2 -H "Accept: text/event-stream" -H "Authorization: Bearer $(head -1 "$TOKENS")" "$API/api/v1/live" \
  >"$RUN/sample-stream.txt" || true

# --- pgbench: the same insert, one per transaction, 1 connection, as the application role ------------------------
echo "insert into live_event (topic, case_id, audience) values ('intake', null, array['staff']);" >"$RUN/insert.sql"
log "pgbench: the live_event insert, 1 connection, 3 s warm-up + 10 s"
"$PGBENCH" -n -M prepared -c 1 -T 3 -U taskforce_app -f "$RUN/insert.sql" >/dev/null 2>&1
before=$(cpu)
"$PGBENCH" -n -M prepared -c 1 -T 10 -U taskforce_app -f "$RUN/insert.sql" >"$RUN/pgbench-insert.txt" 2>&1
after=$(cpu)
PGB_TPS=$(sed -n "s/^tps = \([0-9]*\).*/\1/p" "$RUN/pgbench-insert.txt" | head -1)
PGB_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$RUN/pgbench-insert.txt")
PGB_CPU=$(awk -v b="$before" -v a="$after" -v tick="$(getconf CLK_TCK)" 'BEGIN { split(b, x, " "); split(a, y, " ");
  printf "%.2f + %.2f", (y[1] - x[1]) / tick / 10, (y[2] - x[2]) / tick / 10 }')
log "  $PGB_TPS tx/s, average $PGB_LAT ms; CPU cores app + PG: $PGB_CPU"
sleep 3

# --- the fan-out -------------------------------------------------------------------------------------------------
log "LiveLoad: $CLIENTS clients, rates $RATES (then $PUSH until saturated), ${WARMUP}s + ${DURATION}s each"
LOADAVG_LIVE=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck disable=SC2086 # LOAD_JAVA_OPTS is a list of flags
"$JAVA" $LOAD_JAVA_OPTS -cp "$PG_JAR" "$BENCH/LiveLoad.java" --url "$API/api/v1/live" --metrics "$API/prometheus" \
  --tokens "$TOKENS" --jdbc "jdbc:postgresql://127.0.0.1:$PGPORT/taskforce" --user taskforce_app --password "$PGPASSWORD" \
  --clients "$CLIENTS" --rates "$RATES" --push "$PUSH" --warmup "$WARMUP" --duration "$DURATION" --reorder "$REORDER" \
  --app-pid "$app_pid" --pg-pid "$PM_PID" --jcmd "$JCMD" >"$RUN/live.md" 2> >(tee "$RUN/load.log" >&2)
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
N_EVENTS=$("${SUPER[@]}" -At -c "select count(*) from live_event")
DB_SIZE=$("${SUPER[@]}" -At -c "select pg_size_pretty(pg_database_size('taskforce'))")
WARNINGS=$(grep -c -E ' (WARN|ERROR) ' "$RUN/app.log" || true)

{
  echo "### Run of $START_TIME"
  echo
  echo "- Machine: $(machine); load driver: separate JVM \`$LOAD_JAVA_OPTS\`, JDK HttpClient"
  echo "- Load average: $LOADAVG_START at the start, $LOADAVG_LIVE when LiveLoad started, $LOADAVG_END at the end"
  echo "- Data: $N_EVENTS live_event rows at the end (all written by this run), database $DB_SIZE; the clients are the demo staff (consultant, lawyer, reputation in turn), audience {'staff'}: every client hears every event"
  echo "- RLS on: the writer, the JDBC listener and pgbench connect as $ROLE_FACTS (live_event itself has no RLS: ids, topics and audiences only)"
  echo "- Per rate: ${WARMUP}s warm-up, then ${DURATION}s measured, Poisson arrivals, one insert per transaction on 1 connection"
  echo "- Application log: $WARNINGS WARN/ERROR lines"
  echo
  echo "pgbench, \`insert into live_event (topic, case_id, audience) values ('intake', null, array['staff'])\`, 1 connection, unthrottled 10 s, no SSE client connected: **$PGB_TPS tx/s** (average $PGB_LAT ms; CPU cores app + PG $PGB_CPU: the application's listener reads every row announced)."
  echo
  cat "$RUN/live.md"
} | tee "$RUN/results.md"
