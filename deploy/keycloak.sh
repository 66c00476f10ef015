#!/usr/bin/env bash
# Fetches, builds once, starts and stops a local Keycloak 26 for Taskforce.
#
#   deploy/keycloak.sh start <instance-dir> <port> <realm-file> [--fresh]
#       Unpacks the distribution (fetched from Maven Central through the Maven wrapper, cached in the local
#       Maven repository) into <instance-dir>, builds it once, imports <realm-file> when the realm does not
#       exist yet (--fresh wipes the instance's database first, forcing a re-import), starts it bound to
#       127.0.0.1:<port> in its own process group, and returns when it is really ready.
#       The themes under deploy/keycloak/themes/ are copied into the installation's themes/ directory on every
#       start (Keycloak reads them at start; they need no rebuild). The realm file may hold ${ENV_VAR:default}
#       placeholders, which Keycloak resolves from this script's environment when it imports the realm, e.g.
#       TF_SMTP_PORT for the realm's SMTP port (see deploy/README.md, "Mail").
#   deploy/keycloak.sh stop <instance-dir>
#       Stops the whole process group started above (kc.sh is a wrapper around the Java process).
set -euo pipefail

KC_VERSION=26.7.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M2_REPO=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
ZIP="$M2_REPO/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"

log() { printf '[keycloak] %s\n' "$*" >&2; }

fetch() {
  [ -f "$ZIP" ] && return
  log "fetching keycloak-quarkus-dist $KC_VERSION from Maven Central"
  "$ROOT/mvnw" -B -ntp -q dependency:get -Dtransitive=false \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" >&2
}

install() {
  local dir=$1 home=$1/keycloak-$KC_VERSION
  if [ ! -f "$home/.built" ]; then
    fetch
    rm -rf "$home"
    mkdir -p "$dir"
    log "unpacking into $dir"
    unzip -q "$ZIP" -d "$dir"
    log "building (once)"
    # Only build-time options here; runtime options are given at start.
    "$home/bin/kc.sh" build --db=dev-file --health-enabled=true --http-management-health-enabled=false >"$dir/build.log" 2>&1 \
      || { cat "$dir/build.log" >&2; exit 1; }
    touch "$home/.built"
  fi
  echo "$home"
}

# Copies deploy/keycloak/themes/<name> to <home>/themes/<name>, replacing what an earlier start copied.
install_themes() {
  local home=$1 theme
  for theme in "$ROOT/deploy/keycloak/themes"/*/; do
    [ -d "$theme" ] || continue
    rm -rf "$home/themes/$(basename "$theme")"
    cp -R "$theme" "$home/themes/$(basename "$theme")"
  done
}

start() {
  local dir=$1 port=$2 realm=$3 fresh=${4:-}
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  stop "$dir" 2>/dev/null || true
  local home; home=$(install "$dir")
  if [ "$fresh" = --fresh ]; then rm -rf "$home/data/h2"; fi
  install_themes "$home"
  mkdir -p "$home/data/import"
  rm -f "$home/data/import/"*.json
  cp "$realm" "$home/data/import/taskforce-realm.json"
  log "starting on http://localhost:$port (log: $dir/keycloak.log)"
  # kc.sh adds +UseG1GC itself, so switch it off before choosing the serial collector; small heap, fast start.
  JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC -Xms64m -Xmx384m" \
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
    setsid "$home/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
      --hostname="http://localhost:$port" --cache=local --import-realm \
      >"$dir/keycloak.log" 2>&1 </dev/null &
  echo $! >"$dir/keycloak.pid"
  local i
  for i in $(seq 240); do
    if ! kill -0 "$(cat "$dir/keycloak.pid")" 2>/dev/null; then
      tail -40 "$dir/keycloak.log" >&2; log "Keycloak exited during start"; exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] &&
       [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/realms/taskforce/.well-known/openid-configuration")" = 200 ]; then
      log "ready after ${i}s"
      return 0
    fi
    sleep 1
  done
  tail -40 "$dir/keycloak.log" >&2
  log "not ready after 240 s"
  stop "$dir"
  exit 1
}

stop() {
  local dir=$1 pidfile=$1/keycloak.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  # setsid made kc.sh the leader of its own process group: signal the whole group, Java included.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 30); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
  log "stopped"
}

case "${1:-}" in
  start) shift; [ $# -ge 3 ] || { echo "usage: $0 start <instance-dir> <port> <realm-file> [--fresh]" >&2; exit 2; }; start "$@" ;;
  stop) shift; [ $# -ge 1 ] || { echo "usage: $0 stop <instance-dir>" >&2; exit 2; }; stop "$1" ;;
  *) echo "usage: $0 start <instance-dir> <port> <realm-file> [--fresh] | stop <instance-dir>" >&2; exit 2 ;;
esac
