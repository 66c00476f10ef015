#!/usr/bin/env bash
# Runs Taskforce locally: a mail server that keeps every mail for reading (GreenMail: SMTP :3025, IMAP :3143,
# API http://127.0.0.1:8025), Keycloak with the dev realm on :8180, sending its mails there, and the application
# on :8080 with its embedded PostgreSQL (data kept in deploy/.work/pgdata), or the external one given by
# DATASOURCE_URL.
# Builds what is missing; Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/deploy/.work"
JAR="$ROOT/backend/target/taskforce.jar"
KC_PORT=${KEYCLOAK_PORT:-8180}
APP_PORT=${PORT:-8080}
MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-3025}
MAIL_IMAP_PORT=${MAIL_IMAP_PORT:-3143}
MAIL_API_PORT=${MAIL_API_PORT:-8025}
mkdir -p "$WORK"

log() { printf '[run-local] %s\n' "$*"; }

# Build when the jar is missing or older than any source or build file.
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/backend/pom.xml" "$ROOT/backend/src/main" \
      "$ROOT/frontend/pom.xml" "$ROOT/frontend/src" "$ROOT/frontend/package.json" -newer "$JAR" -print -quit)" ]; then
  log "building the application (tests skipped; ./mvnw -B -ntp verify runs them)"
  (cd "$ROOT" && ./mvnw -B -ntp -DskipTests package)
fi

# The newest JDK available: on 21+ Micronaut runs blocking work on virtual threads.
JAVA=java
for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then JAVA="$jdk/bin/java"; break; fi
done

app_pid=
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    log "stopping the application"
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  "$ROOT/deploy/keycloak.sh" stop "$WORK/keycloak" || true
  "$ROOT/deploy/mail.sh" stop "$WORK/mail" || true
  log "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$ROOT/deploy/mail.sh" start "$WORK/mail" "$MAIL_SMTP_PORT" "$MAIL_API_PORT" "$MAIL_IMAP_PORT"
# The dev realm reads its SMTP port from TF_SMTP_PORT (default 3025): Keycloak's mails go to the same server.
TF_SMTP_PORT=$MAIL_SMTP_PORT \
  "$ROOT/deploy/keycloak.sh" start "$WORK/keycloak" "$KC_PORT" "$ROOT/deploy/keycloak/taskforce-realm.dev.json"

log "starting the application with $("$JAVA" -version 2>&1 | head -1)"
# a local run: embedded PostgreSQL when no DATASOURCE_URL, plain-HTTP Keycloak, a generated checkpoint key, anchors optional
export TASKFORCE_LOCAL_RUN=true
export OIDC_ISSUER=${OIDC_ISSUER:-http://localhost:$KC_PORT/realms/taskforce}
export OIDC_JWKS_URL=${OIDC_JWKS_URL:-$OIDC_ISSUER/protocol/openid-connect/certs}
export OIDC_PUBLIC_URL=${OIDC_PUBLIC_URL:-http://localhost:$KC_PORT}
# scripts use the dev realm's taskforce-cli client (README); production accepts the web app's tokens only
export OIDC_CLIENTS=${OIDC_CLIENTS:-taskforce-spa,taskforce-cli}
export TASKFORCE_DEMO=${TASKFORCE_DEMO:-true}
export TASKFORCE_DATA_DIR=${TASKFORCE_DATA_DIR:-$WORK/pgdata}
export KEYCLOAK_ADMIN_CLIENT_SECRET=${KEYCLOAK_ADMIN_CLIENT_SECRET:-taskforce-admin-local-secret}
export AUDIT_CHECKPOINT_KEY_FILE=${AUDIT_CHECKPOINT_KEY_FILE:-$WORK/audit-checkpoint-key.pem}
# checkpoints recorded outside the database; belongs with pgdata (remove both together, or neither)
export AUDIT_ANCHOR_DIR=${AUDIT_ANCHOR_DIR:-$WORK/audit-anchors}
export WEBHOOKS_ALLOW_HTTP_LOCALHOST=${WEBHOOKS_ALLOW_HTTP_LOCALHOST:-true}
export SMTP_HOST=${SMTP_HOST:-127.0.0.1}
export SMTP_PORT=${SMTP_PORT:-$MAIL_SMTP_PORT}
export MAIL_FROM=${MAIL_FROM:-Taskforce <no-reply@taskforce.local>}
export PORT=$APP_PORT
"$JAVA" ${JAVA_OPTS:--Xms64m -Xmx512m} -jar "$JAR" &
app_pid=$!

for _ in $(seq 180); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$APP_PORT/health/readiness")" = 200 ]; then
    cat <<INFO

  Taskforce is running: http://localhost:$APP_PORT
  Keycloak (dev realm): http://localhost:$KC_PORT  (admin console: admin / admin)
  Mail (nothing leaves): http://127.0.0.1:$MAIL_API_PORT/api/user/<address>/messages/
                         IMAP 127.0.0.1:$MAIL_IMAP_PORT, login = the full address, any password

  Demo logins, password "demo" for all:
    consultant   crisis-communication consultant (COMMUNICATION)
    lawyer       lawyer (LEGAL)
    reputation   e-reputation specialist (REPUTATION)
    client-a     client of Helio Cloud
    client-b     client of Maison Verdier
    admin        platform administrator

  Ctrl-C stops everything.
INFO
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { log "the application exited during start"; exit 1; }
  sleep 1
done

# wait returns early when a trapped signal arrives, so Ctrl-C and SIGTERM are handled at once.
wait "$app_pid"
