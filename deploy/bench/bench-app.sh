# Shared by live-load.sh and outbox-load.sh (sourced, not run): tools, build, Keycloak + the application jar with its
# embedded PostgreSQL in $WORK (wiped at each run), tokens of the demo staff, and a trap that stops all of it.
# The caller sets: NAME (log prefix), WORK, KC_PORT, APP_PORT, POOL, APP_JAVA_OPTS and optionally APP_ENV (an array of
# NAME=value for the application's environment), a function before_app (run under the trap before the application
# starts) and EXTRA_STOP (commands that stop_all evaluates). Afterwards: ROOT BENCH RUN JAVA JCMD PGBENCH PG_JAR API app_pid PM_PID
# SUPER APP (psql commands), TOKENS (file), UID_OF[user], and the functions log, stop_all.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
JAR="$ROOT/backend/target/taskforce.jar"
ISSUER="http://localhost:$KC_PORT/realms/taskforce"
API="http://127.0.0.1:$APP_PORT"
USERS=(consultant lawyer reputation)
APP_ENV=("${APP_ENV[@]+"${APP_ENV[@]}"}")

log() { printf '[%s] %s\n' "$NAME" "$*" >&2; }

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
PGBENCH=$(command -v pgbench)

JAVA=java
for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then JAVA="$jdk/bin/java"; break; fi
done
JCMD="$(dirname "$JAVA")/jcmd"
[ -x "$JCMD" ] || JCMD=jcmd
# the PostgreSQL driver for the load drivers: the newest in the local Maven repository (the build put it there)
PG_JAR=$(ls -d "${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"/org/postgresql/postgresql/*/postgresql-*[0-9].jar 2>/dev/null | sort -V | tail -1)

# --- build -------------------------------------------------------------------------------------------------------
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/backend/pom.xml" "$ROOT/backend/src/main" \
      "$ROOT/frontend/pom.xml" "$ROOT/frontend/src" "$ROOT/frontend/package.json" -newer "$JAR" -print -quit)" ]; then
  log "building the application (./mvnw -B -ntp -q install -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -ntp -q install -DskipTests)
fi
[ -n "$PG_JAR" ] || { log "no PostgreSQL JDBC driver in the local Maven repository"; exit 1; }

# --- services ----------------------------------------------------------------------------------------------------
app_pid=
EXTRA_STOP=("${EXTRA_STOP[@]+"${EXTRA_STOP[@]}"}")
stop_all() {
  trap - INT TERM EXIT
  local c
  for c in "${EXTRA_STOP[@]+"${EXTRA_STOP[@]}"}"; do eval "$c" || true; done
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    log "stopping the application (and its PostgreSQL)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  # killed, the application leaves its embedded PostgreSQL behind: stop that one too (fast shutdown)
  local pm
  pm=$(head -1 "$WORK/pgdata/postmaster.pid" 2>/dev/null) || pm=
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    log "stopping the embedded PostgreSQL left behind ($pm)"
    kill -INT "$pm" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$pm" 2>/dev/null || break; sleep 0.5; done
  fi
  "$ROOT/deploy/keycloak.sh" stop "$WORK/keycloak" || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$WORK"
rm -rf "$WORK/pgdata" "$WORK/run"
RUN="$WORK/run"
mkdir -p "$RUN"
# a copy, so that a build of the same checkout during the run does not change the jar under the application
cp "$JAR" "$RUN/taskforce.jar"

# the dev realm, with access tokens that outlive the run
jq '.accessTokenLifespan = 7200 | .ssoSessionIdleTimeout = 7200 | .ssoSessionMaxLifespan = 36000' \
  "$ROOT/deploy/keycloak/taskforce-realm.dev.json" >"$RUN/realm.json"
"$ROOT/deploy/keycloak.sh" start "$WORK/keycloak" "$KC_PORT" "$RUN/realm.json" --fresh

# the caller's own services that the application needs (e.g. a mail server): started here, under the trap
if declare -F before_app >/dev/null; then before_app; fi

log "starting the application on :$APP_PORT with $("$JAVA" -version 2>&1 | head -1), $APP_JAVA_OPTS, pool $POOL"
# shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of flags
env "${APP_ENV[@]}" \
OIDC_ISSUER="$ISSUER" OIDC_JWKS_URL="$ISSUER/protocol/openid-connect/certs" OIDC_PUBLIC_URL="http://localhost:$KC_PORT" OIDC_CLIENTS=taskforce-spa,taskforce-cli \
TASKFORCE_DEMO=false TASKFORCE_DATA_DIR="$WORK/pgdata" KEYCLOAK_ADMIN_CLIENT_SECRET=taskforce-admin-local-secret \
AUDIT_CHECKPOINT_KEY_FILE="$RUN/audit-checkpoint-key.pem" PORT="$APP_PORT" DATASOURCE_POOL_SIZE="$POOL" \
  "$JAVA" $APP_JAVA_OPTS -jar "$RUN/taskforce.jar" >"$RUN/app.log" 2>&1 </dev/null &
app_pid=$!
for i in $(seq 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/readiness")" = 200 ] && { log "application ready after ${i}s"; break; }
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$RUN/app.log" >&2; log "the application exited during start"; exit 1; }
  [ "$i" = 180 ] && { tail -40 "$RUN/app.log" >&2; log "the application is not ready after 180 s"; exit 1; }
  sleep 1
done

PM_PID=$(head -1 "$WORK/pgdata/postmaster.pid")
PGPORT=$(sed -n 4p "$WORK/pgdata/postmaster.pid")
export PGHOST=127.0.0.1 PGPORT PGDATABASE=taskforce
# the embedded server's superuser (trust on 127.0.0.1), and the application's role (EmbeddedDatabase's local password)
SUPER=(psql -X -q -v ON_ERROR_STOP=1 -U postgres)
APP=(psql -X -q -v ON_ERROR_STOP=1 -U taskforce_app)
export PGPASSWORD=taskforce_app_local

# --- tokens: the demo staff, registered by the application at first sight ----------------------------------------
TOKENS="$RUN/tokens"
: >"$TOKENS"
declare -A UID_OF
for u in "${USERS[@]}"; do
  token=$(curl -sf -d grant_type=password -d client_id=taskforce-cli -d username="$u" -d password=demo \
    "http://localhost:$KC_PORT/realms/taskforce/protocol/openid-connect/token" | jq -r .access_token)
  echo "$token" >>"$TOKENS"
  UID_OF[$u]=$(curl -sf -H "Authorization: Bearer $token" "$API/api/v1/me" | jq -r .subject)
  log "token for $u (subject ${UID_OF[$u]})"
done

# CPU time, in clock ticks, of the application's JVM and of PostgreSQL (the server, its live backends, and the
# backends that ended, which the postmaster's children times hold)
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
machine() {
  echo "$(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); application $("$JAVA" -version 2>&1 | head -1), flags \`$APP_JAVA_OPTS\`, Hikari pool $POOL; PostgreSQL $("${SUPER[@]}" -At -c 'show server_version') embedded (zonky settings: $("${SUPER[@]}" -At -c "select string_agg(name || ' ' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections')")), pgbench $("$PGBENCH" --version | awk '{print $3}')"
}
