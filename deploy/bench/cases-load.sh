#!/usr/bin/env bash
# Benchmark: the intake queue (GET /api/v1/cases/intake) and "my cases" (GET /api/v1/cases) under load, beside
# pgbench running the same SQL on the same number of connections (see deploy/bench/README.md). Not a test.
#
# Starts Keycloak (dev realm, longer token lifespan) and the application jar with its embedded PostgreSQL in
# deploy/.work/bench (wiped at each run), registers the demo staff, seeds TENANTS x CASES cases with SQL, then for
# each endpoint: FixedRateLoad.java (open model, fixed arrival rate, separate JVM) for WARMUP + DURATION seconds,
# pgbench on the same SQL at the same rate over the same number of connections (10 s warm-up + DURATION), and a
# short closed-model probe of each (the throughput ceilings); CPU time of the JVM and of PostgreSQL per request.
# With WHATIF=1 it then adds an index on case_workstream (case_id) (not in the migrations) and measures my cases
# again. Prints a Markdown table (also in deploy/.work/bench/run/results.md, plans in explain.txt); everything it
# started is stopped at the end.
#
# Environment (defaults): TENANTS=1000 CASES=100 CONNECTIONS=8 WARMUP=30 DURATION=60 PROBE=15 WHATIF=1
#   RATE_INTAKE=50 RATE_MINE=10 (requests/s), KC_PORT=18180 APP_PORT=18080, JAVA_OPTS='-Xms64m -Xmx512m'
#   (the flags of deploy/run-local.sh), LOAD_JAVA_OPTS='-Xms64m -Xmx256m -XX:+UseSerialGC' (the load driver).
# Needs: a JDK, curl, jq, psql and pgbench (Debian: postgresql-client-15 + postgresql-15), unzip; it installs them
# with apt-get when missing and it runs as root.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
WORK="$ROOT/deploy/.work/bench"
JAR="$ROOT/backend/target/taskforce.jar"
TENANTS=${TENANTS:-1000}
CASES=${CASES:-100}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-60}
PROBE=${PROBE:-15}
RATE_MINE=${RATE_MINE:-10}
WHATIF=${WHATIF:-1}
RATE_INTAKE=${RATE_INTAKE:-50}
KC_PORT=${KC_PORT:-18180}
APP_PORT=${APP_PORT:-18080}
APP_JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx512m}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
ISSUER="http://localhost:$KC_PORT/realms/taskforce"
API="http://127.0.0.1:$APP_PORT"
USERS=(consultant lawyer reputation)

log() { printf '[cases-load] %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------------
need=()
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
command -v unzip >/dev/null || need+=(unzip)
command -v psql >/dev/null || need+=(postgresql-client)
command -v pgbench >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# a postgresql server package may start its own cluster: only its client programs are used here
PGBENCH=$(command -v pgbench)

JAVA=java
for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then JAVA="$jdk/bin/java"; break; fi
done

# --- build -------------------------------------------------------------------------------------------------------
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/backend/pom.xml" "$ROOT/backend/src/main" \
      "$ROOT/frontend/pom.xml" "$ROOT/frontend/src" "$ROOT/frontend/package.json" -newer "$JAR" -print -quit)" ]; then
  log "building the application (./mvnw -B -ntp -q install -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -ntp -q install -DskipTests)
fi

# --- services ----------------------------------------------------------------------------------------------------
app_pid=
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    log "stopping the application (and its PostgreSQL)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  "$ROOT/deploy/keycloak.sh" stop "$WORK/keycloak" || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$WORK"
rm -rf "$WORK/pgdata" "$WORK/run"
mkdir -p "$WORK/run"
RUN="$WORK/run"
# a copy, so that a build of the same checkout during the run does not change the jar under the application
cp "$JAR" "$RUN/taskforce.jar"

# the dev realm, with access tokens that outlive the run
jq '.accessTokenLifespan = 7200 | .ssoSessionIdleTimeout = 7200 | .ssoSessionMaxLifespan = 36000' \
  "$ROOT/deploy/keycloak/taskforce-realm.dev.json" >"$RUN/realm.json"
"$ROOT/deploy/keycloak.sh" start "$WORK/keycloak" "$KC_PORT" "$RUN/realm.json" --fresh

log "starting the application on :$APP_PORT with $("$JAVA" -version 2>&1 | head -1), $APP_JAVA_OPTS, pool $CONNECTIONS"
# shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
OIDC_ISSUER="$ISSUER" OIDC_JWKS_URL="$ISSUER/protocol/openid-connect/certs" OIDC_PUBLIC_URL="http://localhost:$KC_PORT" OIDC_CLIENTS=taskforce-spa,taskforce-cli \
TASKFORCE_DEMO=false TASKFORCE_DATA_DIR="$WORK/pgdata" KEYCLOAK_ADMIN_CLIENT_SECRET=taskforce-admin-local-secret \
AUDIT_CHECKPOINT_KEY_FILE="$RUN/audit-checkpoint-key.pem" PORT="$APP_PORT" DATASOURCE_POOL_SIZE="$CONNECTIONS" \
  "$JAVA" $APP_JAVA_OPTS -jar "$RUN/taskforce.jar" >"$RUN/app.log" 2>&1 </dev/null &
app_pid=$!
for i in $(seq 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/readiness")" = 200 ] && { log "application ready after ${i}s"; break; }
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$RUN/app.log" >&2; log "the application exited during start"; exit 1; }
  [ "$i" = 180 ] && { tail -40 "$RUN/app.log" >&2; log "the application is not ready after 180 s"; exit 1; }
  sleep 1
done

PGPORT=$(sed -n 4p "$WORK/pgdata/postmaster.pid")
export PGHOST=127.0.0.1 PGPORT PGDATABASE=taskforce
# the embedded server's superuser (trust on 127.0.0.1), and the application's role (EmbeddedDatabase's local password)
SUPER=(psql -X -q -v ON_ERROR_STOP=1 -U postgres)
APP=(psql -X -q -v ON_ERROR_STOP=1 -U taskforce_app)
export PGPASSWORD=taskforce_app_local

# --- tokens: the demo staff, registered by the application at first sight ----------------------------------------
: >"$RUN/tokens"
declare -A UID_OF
for u in "${USERS[@]}"; do
  token=$(curl -sf -d grant_type=password -d client_id=taskforce-cli -d username="$u" -d password=demo \
    "http://localhost:$KC_PORT/realms/taskforce/protocol/openid-connect/token" | jq -r .access_token)
  echo "$token" >>"$RUN/tokens"
  UID_OF[$u]=$(curl -sf -H "Authorization: Bearer $token" "$API/api/v1/me" | jq -r .subject)
  log "token for $u (subject ${UID_OF[$u]})"
done

# --- seed --------------------------------------------------------------------------------------------------------
log "seeding $TENANTS tenants x $CASES cases as the superuser"
start=$(date +%s)
"${SUPER[@]}" -v tenants="$TENANTS" -v per_tenant="$CASES" -f "$BENCH/cases-seed.sql" >"$RUN/seed.log"
log "seeded in $(( $(date +%s) - start ))s: $(tail -3 "$RUN/seed.log" | head -1 | tr -s ' ')"
VOLUME=$("${SUPER[@]}" -At -F ' ' -c "select (select count(*) from tenant), (select count(*) from case_file),
  (select count(*) from case_file where status = 'NEW'), (select count(*) from case_member),
  (select count(*) from case_workstream), (select count(*) from case_task), (select count(*) from audit_event),
  (select count(*) from user_account), pg_size_pretty(pg_database_size('taskforce')), current_setting('server_version')")
read -r N_TENANTS N_CASES N_NEW N_MEMBERS N_STREAMS N_TASKS N_AUDIT N_USERS DB_SIZE DB_SIZE_UNIT PG_VERSION <<<"$VOLUME"
ROLE_FACTS=$("${APP[@]}" -At -c "select format('connected as %s: superuser %s, bypassrls %s; case_file RLS enabled %s, forced %s',
  current_user, r.rolsuper, r.rolbypassrls, c.relrowsecurity, c.relforcerowsecurity)
  from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'case_file'")

# --- pgbench scripts: the SQL the application sends (captured with log_statement = all), with the same parameters --
# Per request the application runs: the user lookup of ActiveUserFilter (autocommit), then BEGIN READ ONLY, the actor
# settings, the page query, (my cases:) the workstreams of the page, the tenant names of the page, COMMIT.
# pgbench cannot bind NULL: the cursor parameters of the first page ($3..$5, NULL in the application) are literal NULLs.
PB="$RUN/pgbench"
mkdir -p "$PB"
DEFS=(-D actor=staff -D lim=51)
USER_SQL='SELECT user_account_."id",user_account_."username",user_account_."email",user_account_."first_name",user_account_."last_name",user_account_."role",user_account_."active",user_account_."created_at" FROM "user_account" user_account_ WHERE (user_account_."id" = :USER);'
TENANT_SQL='SELECT tenant_."id",tenant_."slug",tenant_."name",tenant_."locale",tenant_."active",tenant_."created_at",tenant_."keycloak_group_id" FROM "tenant" tenant_ WHERE (tenant_."id" IN (LIST));'
MINE_SQL='select * from case_file where (cast(:USER as text) is null or team @> array[cast(:USER as text)]) and (cast(NULL as timestamptz) is null or (reported_at, id) < (cast(NULL as timestamptz), cast(NULL as uuid))) order by reported_at desc, id desc limit :lim;'
INTAKE_SQL="select * from case_file where status = 'NEW' and (cast(NULL as timestamptz) is null or (reported_at, id) > (cast(NULL as timestamptz), cast(NULL as uuid))) order by reported_at, id limit :lim;"

# the ids of a first page, read as the application role with the application's settings (RLS on)
page_ids() { # user-id query-kind(mine|intake) column(id|tenant_id)
  local where order
  if [ "$2" = mine ]; then where="team @> array['$1']"; order='reported_at desc, id desc'
  else where="status = 'NEW'"; order='reported_at, id'; fi
  "${APP[@]}" -At <<SQL | grep -v '^$'
begin read only;
select set_config('app.actor', 'staff', true), set_config('app.user_id', '$1', true) \\g /dev/null
select distinct $3 from (select * from case_file where $where order by $order limit 51) p;
commit;
SQL
}
n=0
for u in "${USERS[@]}"; do
  id=${UID_OF[$u]}
  DEFS+=(-D "u$n=$id")
  mapfile -t cases < <(page_ids "$id" mine id)
  mapfile -t tenants < <(page_ids "$id" mine tenant_id)
  mapfile -t itenants < <(page_ids "$id" intake tenant_id)
  [ ${#cases[@]} -eq 51 ] || { log "expected 51 cases on the first page of $u, found ${#cases[@]}"; exit 1; }
  clist=; for i in "${!cases[@]}"; do DEFS+=(-D "c${n}_$i=${cases[$i]}"); clist+="${clist:+,}:c${n}_$i"; done
  tlist=; for i in "${!tenants[@]}"; do DEFS+=(-D "t${n}_$i=${tenants[$i]}"); tlist+="${tlist:+,}:t${n}_$i"; done
  ilist=; for i in "${!itenants[@]}"; do DEFS+=(-D "i${n}_$i=${itenants[$i]}"); ilist+="${ilist:+,}:i${n}_$i"; done
  {
    echo "${USER_SQL//:USER/:u$n}"
    echo 'BEGIN READ ONLY;'
    echo "select set_config('app.actor', :actor, true), set_config('app.user_id', :u$n, true);"
    echo "${MINE_SQL//:USER/:u$n}"
    echo "select case_id, workstream, position, status from case_workstream where case_id in ($clist) order by case_id, position;"
    echo "${TENANT_SQL//LIST/$tlist}"
    echo 'COMMIT;'
  } >"$PB/mine-$u.sql"
  {
    echo "${USER_SQL//:USER/:u$n}"
    echo 'BEGIN READ ONLY;'
    echo "select set_config('app.actor', :actor, true), set_config('app.user_id', :u$n, true);"
    echo "$INTAKE_SQL"
    echo "${TENANT_SQL//LIST/$ilist}"
    echo 'COMMIT;'
  } >"$PB/intake-$u.sql"
  n=$((n + 1))
done

# Saved for reruns by hand: the scripts' variables, name=value, each to pass to pgbench as -D name=value.
printf '%s\n' "${DEFS[@]}" | grep -v '^-D$' >"$PB/defines.txt"

# --- plans: EXPLAIN ANALYZE as the application role under the application's settings --------------------------------
explain() { # title -> appends to explain.txt
  local c0
  c0=$(page_ids "${UID_OF[consultant]}" mine id | sed "s/.*/'&'/" | paste -sd,)
  {
    echo "######## $1"
    "${APP[@]}" 2>&1 <<SQL || true
begin read only;
select set_config('app.actor', 'staff', true), set_config('app.user_id', '${UID_OF[consultant]}', true) \\g /dev/null
prepare mine(text, text, timestamptz, timestamptz, uuid, int) as select * from case_file
  where (cast(\$1 as text) is null or team @> array[cast(\$2 as text)])
    and (cast(\$3 as timestamptz) is null or (reported_at, id) < (\$4, \$5))
  order by reported_at desc, id desc limit \$6;
prepare intake(timestamptz, timestamptz, uuid, int) as select * from case_file where status = 'NEW'
  and (cast(\$1 as timestamptz) is null or (reported_at, id) > (\$2, \$3)) order by reported_at, id limit \$4;
-- once first, so that the plans below are warm (plpgsql functions of the policies compiled, pages cached)
execute mine('${UID_OF[consultant]}', '${UID_OF[consultant]}', null, null, null, 51) \\g /dev/null
execute intake(null, null, null, 51) \\g /dev/null
select case_id from case_workstream where case_id in ($c0) \\g /dev/null
\\echo '== my cases (consultant), page 1: CaseFileRepository.findRecent'
explain (analyze, buffers, costs off) execute mine('${UID_OF[consultant]}', '${UID_OF[consultant]}', null, null, null, 51);
\\echo '== intake, page 1: CaseFileRepository.findIntake'
explain (analyze, buffers, costs off) execute intake(null, null, null, 51);
\\echo '== the workstreams of the 51 cases of that page of my cases: WorkstreamRepository.findByCases'
explain (analyze, buffers, costs off) select case_id, workstream, position, status from case_workstream
  where case_id in ($c0) order by case_id, position;
rollback;
SQL
  } >>"$RUN/explain.txt"
}

# --- CPU time, in clock ticks, of the application's JVM and of PostgreSQL (the server, its live backends, and the
# backends that ended, which the postmaster's children times hold) ---------------------------------------------------
TICK=$(getconf CLK_TCK)
PM_PID=$(head -1 "$WORK/pgdata/postmaster.pid")
cpu() {
  local app pg c t
  app=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
  pg=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PM_PID/stat")
  for c in $(pgrep -P "$PM_PID"); do
    t=$(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null) || t=0
    pg=$((pg + ${t:-0}))
  done
  echo "$app $pg"
}
per_request() { # "before" "after" count -> "jvm_ms pg_ms" of CPU per request
  awk -v b="$1" -v a="$2" -v n="$3" -v tick="$TICK" 'BEGIN { split(b, x, " "); split(a, y, " ");
    if (n > 0) printf "%.2f %.2f", (y[1] - x[1]) * 1000 / tick / n, (y[2] - x[2]) * 1000 / tick / n; else printf "- -" }'
}

# --- runs --------------------------------------------------------------------------------------------------------
load() { # label path rate(0 = closed model) warmup duration -> LOAD_RESULT, LOAD_CPU
  local line before='' after
  LOAD_RESULT=
  # shellcheck disable=SC2086 # LOAD_JAVA_OPTS is a list of flags
  while IFS= read -r line; do
    echo "$line" >>"$RUN/load.log"
    case $line in
      'PHASE measure') before=$(cpu) ;;
      RESULT*) LOAD_RESULT=$line ;;
    esac
  done < <("$JAVA" $LOAD_JAVA_OPTS "$BENCH/FixedRateLoad.java" --url "$API$2" --tokens "$RUN/tokens" --rate "$3" \
             --warmup "$4" --duration "$5" --connections "$CONNECTIONS" --label "$1" 2>>"$RUN/load.log")
  after=$(cpu)
  if [ -z "$LOAD_RESULT" ] || [ -z "$before" ]; then tail -20 "$RUN/load.log" >&2; log "the load driver failed"; exit 1; fi
  LOAD_CPU=$(per_request "$before" "$after" "$(field "$LOAD_RESULT" requests)")
}
pgb() { # label kind rate(0 = unthrottled) duration [log] -> PGB_CPU (when logging)
  local args=(-n -M prepared -c "$CONNECTIONS" -j 2 -T "$4" -U taskforce_app "${DEFS[@]}") before after
  for u in "${USERS[@]}"; do args+=(-f "$PB/$2-$u.sql@1"); done
  [ "$3" != 0 ] && args+=(-R "$3")
  [ -n "${5:-}" ] && args+=(-l --log-prefix="$PB/log-$1")
  before=$(cpu)
  "$PGBENCH" "${args[@]}" >"$PB/out-$1.txt" 2>&1 || { cat "$PB/out-$1.txt" >&2; exit 1; }
  sleep 0.5 # the ended backends' CPU time reaches the postmaster once it has reaped them
  after=$(cpu)
  PGB_CPU=$(per_request "$before" "$after" "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$PB/out-$1.txt")")
}
pct() { # file-glob -> "count p50 p90 p99 max" in ms, from pgbench's per-transaction logs (column 3: latency in us,
        # from the scheduled start under --rate, like the load driver)
  # shellcheck disable=SC2086
  cat $1 | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {
    if (NR == 0) { print 0, 0, 0, 0, 0; exit }
    split("50 90 99", p, " "); out = NR
    for (i = 1; i <= 3; i++) { k = int(p[i] / 100 * NR + 0.999999); if (k < 1) k = 1; out = out sprintf(" %.2f", v[k] / 1000) }
    print out sprintf(" %.2f", v[NR] / 1000) }'
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

declare -A R
run_endpoint() { # kind tag
  local kind=$1 tag=$2 path rate
  if [ "$kind" = intake ]; then path=/api/v1/cases/intake; rate=$RATE_INTAKE; else path=/api/v1/cases; rate=$RATE_MINE; fi
  log "$tag: API at $rate req/s, $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s"
  load "$tag" "$path" "$rate" "$WARMUP" "$DURATION"
  R[$tag.api]=$LOAD_RESULT R[$tag.apicpu]=$LOAD_CPU
  log "  $LOAD_RESULT; CPU ms/request (JVM PG): $LOAD_CPU"
  log "$tag: pgbench at $rate tx/s, $CONNECTIONS connections, 10s warm-up + ${DURATION}s"
  pgb "$tag-warm" "$kind" "$rate" 10
  pgb "$tag" "$kind" "$rate" "$DURATION" log
  R[$tag.pgb]=$(pct "$PB/log-$tag.*") R[$tag.pgbcpu]=$PGB_CPU
  R[$tag.pgbfail]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$PB/out-$tag.txt")
  log "  pgbench count p50 p90 p99 max (ms): ${R[$tag.pgb]}, failed ${R[$tag.pgbfail]:-0}; CPU ms/tx (JVM PG): $PGB_CPU"
  if [ "$PROBE" -gt 0 ]; then
    log "$tag: throughput ceilings, closed model, $CONNECTIONS connections, ${PROBE}s each"
    load "$tag-max" "$path" 0 3 "$PROBE"
    R[$tag.apimax]=$(field "$LOAD_RESULT" achieved | cut -d. -f1)
    pgb "$tag-max" "$kind" 0 "$PROBE"
    R[$tag.pgbmax]=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$PB/out-$tag-max.txt" | head -1)
    log "  API ${R[$tag.apimax]} req/s, pgbench ${R[$tag.pgbmax]} tx/s"
  fi
  R[$tag.rate]=$rate
}

LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
run_endpoint intake intake
run_endpoint mine mine
: >"$RUN/explain.txt"
explain "as migrated (V3__cases.sql)"
TAGS=(intake mine)
if [ "$WHATIF" = 1 ]; then
  # What if case_workstream had an index on case_id alone? (Its primary key starts with tenant_id, and the
  # application looks workstreams up by case id only.) Not part of the migrations: made here, by the superuser.
  log "what-if: create index on case_workstream (case_id), then my cases again"
  "${SUPER[@]}" -c 'create index bench_whatif_case_workstream_case on case_workstream (case_id)' \
    -c 'analyze case_workstream'
  run_endpoint mine mine+index
  explain "what-if: with an index on case_workstream (case_id)"
  TAGS+=(mine+index)
fi

# --- report ------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }'; }
{
  echo "### Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average when the runs started: $LOADAVG; PostgreSQL $PG_VERSION (embedded, default settings), pgbench $("$PGBENCH" --version | awk '{print $3}'), same machine"
  echo "- Application: $("$JAVA" -version 2>&1 | head -1), flags \`$APP_JAVA_OPTS\`, Hikari pool $CONNECTIONS; load driver: separate JVM, \`$LOAD_JAVA_OPTS\`, $CONNECTIONS keep-alive connections, Poisson arrivals; pgbench: $CONNECTIONS clients, 2 threads, \`-M prepared\`, \`--rate\`"
  echo "- Data: $N_TENANTS tenants, $N_CASES cases ($N_NEW NEW in the intake queue), $N_MEMBERS team members, $N_STREAMS workstreams, $N_TASKS tasks, $N_USERS users, $N_AUDIT audit events, no messages; database $DB_SIZE $DB_SIZE_UNIT"
  echo "- RLS on: $ROLE_FACTS; every request and every pgbench transaction sets app.actor = staff and app.user_id"
  echo "- Warm-up ${WARMUP}s (API) / 10s (pgbench), then ${DURATION}s measured at a fixed arrival rate; latency from the scheduled arrival; CPU per request measured over the same window"
  echo
  echo "| endpoint | rate | side | requests | errors | p50 ms | p90 ms | p99 ms | max ms | CPU ms/req JVM + PG | ceiling, closed model ${PROBE}s |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for tag in "${TAGS[@]}"; do
    # shellcheck disable=SC2016 # backticks are Markdown
    case $tag in
      intake) name='`GET /api/v1/cases/intake`' ;;
      mine) name='`GET /api/v1/cases`' ;;
      *) name='`GET /api/v1/cases`, what-if index' ;;
    esac
    a=${R[$tag.api]}
    read -r pc p50 p90 p99 pmax <<<"${R[$tag.pgb]}"
    read -r ajvm apg <<<"${R[$tag.apicpu]}"
    read -r _ ppg <<<"${R[$tag.pgbcpu]}"
    echo "| $name | ${R[$tag.rate]}/s | API | $(field "$a" requests) | $(field "$a" errors) | $(field "$a" p50) | $(field "$a" p90) | $(field "$a" p99) | $(field "$a" max) | $ajvm + $apg | ${R[$tag.apimax]:--} req/s |"
    echo "| | | pgbench | $pc | ${R[$tag.pgbfail]:-0} | $p50 | $p90 | $p99 | $pmax | – + $ppg | ${R[$tag.pgbmax]:--} tx/s |"
    echo "| | | **API / pgbench** | | | **$(ratio "$(field "$a" p50)" "$p50")** | **$(ratio "$(field "$a" p90)" "$p90")** | **$(ratio "$(field "$a" p99)" "$p99")** | $(ratio "$(field "$a" max)" "$pmax") | | API/pgbench $(ratio "${R[$tag.apimax]:-0}" "${R[$tag.pgbmax]:-0}") |"
  done
  echo
  echo "Plans (EXPLAIN ANALYZE as taskforce_app with the staff settings, after the runs): $RUN/explain.txt"
} | tee "$RUN/results.md"
