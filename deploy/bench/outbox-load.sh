#!/usr/bin/env bash
# Benchmark: the notification outbox (see deploy/bench/README.md). Not a test.
#
#  1. the dispatcher: INTENTS intents (event case.reported, 1 recipient: the demo consultant, who gets an in-app
#     notification, a live signal and an e-mail delivery) committed at once into notify_outbox; time until the
#     application's db-scheduler job notify-dispatch has marked them all dispatched (after a warm-up of WARM intents);
#  2. e-mails (MAIL=1): e-mails/s accepted by a local GreenMail (deploy/mail.sh) from the backlog of step 1, over
#     MAIL_WINDOW seconds;
#  3. the ceiling: the application's job paused, the same statements per intent driven by pgbench on 1 connection
#     (the dispatcher's one), 100 intents per transaction as the dispatcher does, on another INTENTS intents;
#  4. the write side: pgbench tps of a feature's transaction that announces (set the tenant, insert one intent)
#     beside the same transaction without the insert, 1 connection, 10 s each.
# Starts Keycloak and the application with its embedded PostgreSQL in deploy/.work/bench-outbox (wiped at each
# run); prints Markdown (also in deploy/.work/bench-outbox/run/results.md); stops all of it at the end.
#
# Environment (defaults): INTENTS=20000 WARM=2000 (multiples of 100) MAIL=1 MAIL_WINDOW=60 POOL=10
#   KC_PORT=18480 APP_PORT=18490 SMTP_PORT=18493 MAIL_API_PORT=18494 MAIL_IMAP_PORT=18495
#   JAVA_OPTS='-Xms64m -Xmx512m' (the flags of deploy/run-local.sh).
set -euo pipefail

NAME=outbox-load
WORK="$(cd "$(dirname "$0")/.." && pwd)/.work/bench-outbox"
INTENTS=${INTENTS:-20000}
WARM=${WARM:-2000}
MAIL=${MAIL:-1}
MAIL_WINDOW=${MAIL_WINDOW:-60}
POOL=${POOL:-10}
KC_PORT=${KC_PORT:-18480}
APP_PORT=${APP_PORT:-18490}
SMTP_PORT=${SMTP_PORT:-18493}
MAIL_API_PORT=${MAIL_API_PORT:-18494}
MAIL_IMAP_PORT=${MAIL_IMAP_PORT:-18495}
APP_JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx512m}
[ $((INTENTS % 100)) = 0 ] && [ $((WARM % 100)) = 0 ] || { echo "INTENTS and WARM must be multiples of 100" >&2; exit 1; }
APP_ENV=()
if [ "$MAIL" = 1 ]; then
  APP_ENV=(SMTP_HOST=127.0.0.1 "SMTP_PORT=$SMTP_PORT")
  EXTRA_STOP=('"$ROOT/deploy/mail.sh" stop "$WORK/mail"')
  before_app() { "$ROOT/deploy/mail.sh" start "$WORK/mail" "$SMTP_PORT" "$MAIL_API_PORT" "$MAIL_IMAP_PORT"; }
fi
# shellcheck source=deploy/bench/bench-app.sh
. "$(dirname "$0")/bench-app.sh"

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
START_TIME=$(date -u '+%Y-%m-%d %H:%M UTC')
TICK=$(getconf CLK_TCK)
TENANT=00000000-0000-4000-8000-0000000000b1
CONSULTANT=${UID_OF[consultant]}
PARAMS='{"caseTitle":"Fuite de données chez un client","tenantName":"Bench Outbox","actorName":"Camille Martin"}'
EMAIL=$("${SUPER[@]}" -At -c "select email from user_account where id = '$CONSULTANT'")
[ -n "$EMAIL" ] || { log "the consultant has no e-mail address"; exit 1; }
"${SUPER[@]}" -c "insert into tenant (id, slug, name) values ('$TENANT', 'bench-outbox', 'Bench Outbox')"

now() { date +%s.%N; }
insert_intents() { # count: committed in one transaction, as the superuser
  "${SUPER[@]}" -c "insert into notify_outbox (tenant_id, id, event, case_id, recipients, params, created_at)
    select '$TENANT', gen_random_uuid(), 'case.reported', gen_random_uuid(), array['$CONSULTANT']::uuid[],
           '$PARAMS'::jsonb, clock_timestamp() from generate_series(1, $1)"
}
pending() { "${SUPER[@]}" -At -c "select count(*) from notify_outbox where dispatched_at is null"; }
wait_dispatched() { # timeout-s -> 0 when none is pending
  local deadline=$(( $(date +%s) + $1 ))
  while [ "$(pending)" != 0 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
cores() { # before after seconds -> "app + pg" cores
  awk -v b="$1" -v a="$2" -v s="$3" -v tick="$TICK" 'BEGIN { split(b, x, " "); split(a, y, " ");
    printf "%.2f + %.2f", (y[1] - x[1]) / tick / s, (y[2] - x[2]) / tick / s }'
}
per_intent() { # before after count -> "app + pg" CPU ms per intent
  awk -v b="$1" -v a="$2" -v n="$3" -v tick="$TICK" 'BEGIN { split(b, x, " "); split(a, y, " ");
    printf "%.3f + %.3f", (y[1] - x[1]) * 1000 / tick / n, (y[2] - x[2]) * 1000 / tick / n }'
}

# --- 1. the application's dispatcher ---------------------------------------------------------------------------
log "dispatcher: warm-up with $WARM intents"
insert_intents "$WARM"
wait_dispatched 300 || { log "the warm-up was not dispatched in 300 s"; exit 1; }
sleep 3
"${SUPER[@]}" -c "update email_delivery set status = 'FAILED'" # the warm-up's e-mails are not part of step 2
LOADAVG_A=$(cut -d' ' -f1-3 /proc/loadavg)
log "dispatcher: $INTENTS intents"
before=$(cpu)
insert_intents "$INTENTS"
t_commit=$(now)
wait_dispatched 900 || { log "not dispatched in 900 s"; exit 1; }
t_done=$(now)
after=$(cpu)
A_WALL=$(awk -v a="$t_commit" -v b="$t_done" 'BEGIN { printf "%.2f", b - a }')
A_RATE=$(awk -v n="$INTENTS" -v s="$A_WALL" 'BEGIN { printf "%.0f", n / s }')
A_CPU=$(per_intent "$before" "$after" "$INTENTS")
A_CORES=$(cores "$before" "$after" "$A_WALL")
# the batches: dispatched_at is the start of each batch's transaction; the steady rate runs from the first batch's start
# to the last one's, over the intents of all but the last batch
read -r A_BATCHES A_SPAN A_FIRST_WAIT A_STEADY <<<"$("${SUPER[@]}" -At -F ' ' -c "
  with s as (select dispatched_at, count(*) n from notify_outbox where created_at > now() - interval '1 hour'
             and dispatched_at > to_timestamp($t_commit) group by 1)
  select count(*), round(extract(epoch from max(dispatched_at) - min(dispatched_at))::numeric, 2),
         round((extract(epoch from min(dispatched_at)) - $t_commit)::numeric, 2),
         round(((sum(n) - (select n from s order by dispatched_at desc limit 1))
               / nullif(extract(epoch from max(dispatched_at) - min(dispatched_at)), 0))::numeric, 0)
  from s")"
read -r N_NOTIF N_LIVE N_MAIL <<<"$("${SUPER[@]}" -At -F ' ' -c "select (select count(*) from notification),
  (select count(*) from live_event where topic = 'notifications'), (select count(*) from email_delivery)")"
log "  $INTENTS intents dispatched ${A_WALL}s after the commit ($A_RATE/s); $A_BATCHES batches, first ${A_FIRST_WAIT}s after the commit, steady $A_STEADY/s; CPU ms/intent app + PG $A_CPU"
log "  rows: $N_NOTIF notifications, $N_LIVE live signals, $N_MAIL e-mail deliveries (with the warm-up's)"

# --- 2. e-mails to GreenMail ---------------------------------------------------------------------------------------
MAIL_LINE="not measured (MAIL=0: no SMTP server; the e-mails wait, retried)"
if [ "$MAIL" = 1 ]; then
  log "e-mails: ${MAIL_WINDOW}s of sending to GreenMail"
  s0=$("${SUPER[@]}" -At -c "select count(*) from email_delivery where status = 'SENT'")
  m0=$(now)
  sleep "$MAIL_WINDOW"
  s1=$("${SUPER[@]}" -At -c "select count(*) from email_delivery where status = 'SENT'")
  m1=$(now)
  M_PENDING=$("${SUPER[@]}" -At -c "select count(*) from email_delivery where status = 'PENDING'")
  M_FAILED=$("${SUPER[@]}" -At -c "select count(*) from email_delivery where status = 'PENDING' and last_error is not null")
  # sent_at is stamped per e-mail (autocommit): gaps under 300 ms are between e-mails of one job run, longer ones
  # between job runs
  read -r M_EACH M_RUNS M_IDLE <<<"$("${SUPER[@]}" -At -F ' ' -c "
    with d as (select sent_at - lag(sent_at) over (order by sent_at) gap from email_delivery
               where status = 'SENT' and sent_at > to_timestamp($m0) and sent_at <= to_timestamp($m1))
    select round((percentile_cont(0.5) within group (order by extract(epoch from gap) * 1000)
                  filter (where gap < interval '300 ms'))::numeric, 1),
           count(*) filter (where gap >= interval '300 ms'),
           round((percentile_cont(0.5) within group (order by extract(epoch from gap))
                  filter (where gap >= interval '300 ms'))::numeric, 2)
    from d")"
  M_RATE=$(awk -v n=$((s1 - s0)) -v a="$m0" -v b="$m1" 'BEGIN { printf "%.1f", n / (b - a) }')
  M_DRAIN=$(awk -v r="$M_RATE" -v p="$M_PENDING" 'BEGIN { if (r > 0) printf "%.0f", p / r / 60; else print "-" }')
  MAIL_LINE="**$M_RATE e-mails/s** accepted by GreenMail over ${MAIL_WINDOW}s ($((s1 - s0)) sent; while a job run sends, one e-mail every $M_EACH ms (median); $M_RUNS pauses between job runs, median $M_IDLE s; $M_PENDING still pending, of which $M_FAILED after a failed attempt: ≈ $M_DRAIN min to send them all at this rate)"
  log "  $MAIL_LINE"
fi

# --- 3. the ceiling: the same statements through pgbench, with the application's job paused -----------------------
log "pausing the application's notify-dispatch job"
for i in $(seq 600); do
  n=$("${SUPER[@]}" -At -c "update scheduled_tasks set execution_time = now() + interval '1 day'
    where task_name = 'notify-dispatch' and not picked returning 1" | wc -l)
  [ "$n" = 1 ] && break
  [ "$i" = 600 ] && { log "cannot pause notify-dispatch"; exit 1; }
  sleep 0.1
done
PB="$RUN/pgbench"
mkdir -p "$PB"
# What Dispatcher.expand sends for one batch (autocommit off, app.actor = dispatcher), for 100 intents of 1 recipient
# each. The one difference: pgbench cannot keep 100 rows, so the batch's select is wrapped to return the ids as one
# array (\gset) and each update takes its id from it; the UUIDs the application makes in Java come from
# gen_random_uuid().
{
  echo 'BEGIN;'
  echo "select set_config('app.actor', 'dispatcher', true);"
  echo 'select array_agg(id)::text as ids from (select tenant_id, id, event, case_id, recipients, params::text from notify_outbox where dispatched_at is null order by created_at limit 100 for update skip locked) batch \gset'
  for k in $(seq 100); do
    echo 'select u.id, u.active, u.email, p.language, p.email_events from user_account u left join notify_preference p on p.user_id = u.id where u.id = any(cast(:rcpts as uuid[]));'
    echo 'insert into notification (tenant_id, id, recipient_id, event, case_id, params) values (:tenant, gen_random_uuid(), :rcpt, :event, :caseid, cast(:params as jsonb));'
    echo "insert into live_event (topic, case_id, audience) values ('notifications', :caseid, cast(:audience as text[]));"
    echo 'insert into email_delivery (tenant_id, id, recipient_id, address, language, event, case_id, params) values (:tenant, gen_random_uuid(), :rcpt, :email, :lang, :event, :caseid, cast(:params as jsonb));'
    echo "update notify_outbox set dispatched_at = now() where tenant_id = :tenant and id = (cast(:ids as uuid[]))[$k];"
  done
  echo 'COMMIT;'
} >"$PB/dispatch.sql"
DEFS=(-D "tenant=$TENANT" -D "rcpt=$CONSULTANT" -D "rcpts={$CONSULTANT}" -D "audience={$CONSULTANT}" -D event=case.reported
      -D "caseid=00000000-0000-4000-8000-0000000000c1" -D "params=$PARAMS" -D "email=$EMAIL" -D lang=fr)
pgb() { # script transactions|-T seconds label
  "$PGBENCH" -n -M prepared -c 1 -U taskforce_app "${DEFS[@]}" -f "$1" $2 >"$PB/out-$3.txt" 2>&1 \
    || { cat "$PB/out-$3.txt" >&2; exit 1; }
}
log "pgbench: warm-up with $WARM intents"
insert_intents "$WARM"
pgb "$PB/dispatch.sql" "-t $((WARM / 100))" dispatch-warm
[ "$(pending)" = 0 ] || { log "pgbench left intents pending"; exit 1; }
log "pgbench: $INTENTS intents, 1 connection, 100 per transaction"
insert_intents "$INTENTS"
LOADAVG_B=$(cut -d' ' -f1-3 /proc/loadavg)
before=$(cpu)
t0=$(now)
pgb "$PB/dispatch.sql" "-t $((INTENTS / 100))" dispatch
t1=$(now)
after=$(cpu)
[ "$(pending)" = 0 ] || { log "pgbench left intents pending"; exit 1; }
B_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
B_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$PB/out-dispatch.txt" | head -1)
B_RATE=$(awk -v t="$B_TPS" 'BEGIN { printf "%.0f", t * 100 }')
B_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$PB/out-dispatch.txt")
B_CPU=$(per_intent "$before" "$after" "$INTENTS")
B_CORES=$(cores "$before" "$after" "$B_WALL")
log "  pgbench: $B_RATE intents/s ($B_TPS batches/s, $B_LAT ms per batch of 100), ${B_WALL}s with the connection; CPU ms/intent app + PG $B_CPU"

# --- 4. the write side: what announcing adds to a feature's transaction ------------------------------------------
cat >"$PB/announce.sql" <<'SQL'
BEGIN;
select set_config('app.tenant_id', :tenant, true);
insert into notify_outbox (tenant_id, id, event, case_id, recipients, params) values (:tenant, gen_random_uuid(), :event, :caseid, cast(:rcpts as uuid[]), cast(:params as jsonb));
COMMIT;
SQL
cat >"$PB/bare.sql" <<'SQL'
BEGIN;
select set_config('app.tenant_id', :tenant, true);
COMMIT;
SQL
log "pgbench: announce vs bare transaction, 1 connection, 10 s each"
pgb "$PB/announce.sql" "-T 3" announce-warm
pgb "$PB/bare.sql" "-T 10" bare
pgb "$PB/announce.sql" "-T 10" announce
W_TPS=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$PB/out-announce.txt" | head -1)
W_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$PB/out-announce.txt")
E_TPS=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$PB/out-bare.txt" | head -1)
E_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$PB/out-bare.txt")
W_COST=$(awk -v a="$W_LAT" -v b="$E_LAT" 'BEGIN { printf "%.3f", a - b }')
log "  announce $W_TPS tx/s ($W_LAT ms), bare $E_TPS tx/s ($E_LAT ms): the insert adds $W_COST ms"

LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
ROLE_FACTS=$("${APP[@]}" -At -c "select format('%s: superuser %s, bypassrls %s; notify_outbox RLS enabled %s, forced %s',
  current_user, r.rolsuper, r.rolbypassrls, c.relrowsecurity, c.relforcerowsecurity)
  from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'notify_outbox'")
read -r V_OUTBOX V_NOTIF V_LIVE V_MAIL DB_SIZE DB_UNIT <<<"$("${SUPER[@]}" -At -F ' ' -c "select (select count(*) from notify_outbox),
  (select count(*) from notification), (select count(*) from live_event), (select count(*) from email_delivery),
  pg_size_pretty(pg_database_size('taskforce'))")"
WARNINGS=$(grep -c -E ' (WARN|ERROR) ' "$RUN/app.log" || true)
RATIO=$(awk -v a="$A_STEADY" -v b="$B_RATE" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
RATIO_WALL=$(awk -v a="$A_RATE" -v b="$B_RATE" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')

{
  echo "### Run of $START_TIME"
  echo
  echo "- Machine: $(machine)"
  echo "- Load average: $LOADAVG_START at the start, $LOADAVG_A before the dispatcher's run, $LOADAVG_B before pgbench's, $LOADAVG_END at the end"
  echo "- Intents: event case.reported, 1 recipient each (the demo consultant: active, e-mail $EMAIL, default preferences, so in-app + live + e-mail), one tenant; $WARM warm-up then $INTENTS measured, for each side"
  echo "- RLS on: the application's pool and pgbench connect as $ROLE_FACTS; the dispatcher's transactions set app.actor = dispatcher, the announce transactions app.tenant_id"
  echo "- Data at the end: $V_OUTBOX intents, $V_NOTIF notifications, $V_LIVE live signals, $V_MAIL e-mail deliveries; database $DB_SIZE $DB_UNIT; application log: $WARNINGS WARN/ERROR lines"
  echo
  echo "| $INTENTS intents, 1 connection | time | intents/s | CPU ms per intent app + PG | CPU cores app + PG |"
  echo "|---|---|---|---|---|"
  echo "| application: commit of the intents → all dispatched (db-scheduler job \`notify-dispatch\`, default 1 s delay and polling) | ${A_WALL} s | $A_RATE | $A_CPU | $A_CORES |"
  echo "| application, steady: first batch started ${A_FIRST_WAIT} s after the commit; $A_BATCHES batches over ${A_SPAN} s | ${A_SPAN} s | $A_STEADY | | |"
  echo "| pgbench, the same statements, 100 intents per transaction | ${B_WALL} s | $B_RATE | $B_CPU | $B_CORES |"
  echo "| **application / pgbench** | | **$RATIO** steady ($RATIO_WALL from the commit) | | |"
  echo
  echo "Each intent became: $((N_NOTIF - WARM)) notifications, $((N_LIVE - WARM)) live signals and $((N_MAIL - WARM)) e-mail deliveries for $INTENTS intents (check: one each)."
  echo
  echo "E-mails: $MAIL_LINE."
  echo
  echo "Write side, pgbench, 1 connection, 10 s: a feature's transaction that announces (\`BEGIN\`, set app.tenant_id, insert one intent, \`COMMIT\`): **$W_TPS tx/s**, $W_LAT ms on average; the same transaction without the insert: $E_TPS tx/s, $E_LAT ms. Announcing adds **$W_COST ms** per transaction."
} | tee "$RUN/results.md"
