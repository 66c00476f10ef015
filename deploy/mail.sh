#!/usr/bin/env bash
# Starts and stops a local mail server for Taskforce: GreenMail standalone (SMTP, IMAP and a REST API) from
# Maven Central. It accepts every message for any address, keeps it in memory until it is stopped, and delivers
# nothing outside: what the application and Keycloak send can be read back, nothing reaches a real mailbox.
#
#   deploy/mail.sh start <instance-dir> <smtp-port> <api-port> [<imap-port>]
#       Fetches the jar (cached in the local Maven repository), starts GreenMail bound to 127.0.0.1 in its own
#       process group with SMTP on <smtp-port>, IMAP on <imap-port> (default: <smtp-port> + 118, so 3025 gives
#       3143) and the REST API on <api-port>, and returns when the SMTP port greets and the API is ready.
#       Authentication is off: any sender, any recipient; IMAP login is the full address, any password.
#   deploy/mail.sh stop <instance-dir>
#       Stops the process group started above.
#
# Reading the mail: curl http://127.0.0.1:<api-port>/api/user/<address>/messages/   (see deploy/README.md).
set -euo pipefail

GREENMAIL_VERSION=2.1.8
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M2_REPO=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
JAR="$M2_REPO/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"

log() { printf '[mail] %s\n' "$*" >&2; }

fetch() {
  [ -f "$JAR" ] && return
  log "fetching greenmail-standalone $GREENMAIL_VERSION from Maven Central"
  "$ROOT/mvnw" -B -ntp -q dependency:get -Dtransitive=false \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" >&2
}

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

# Prints the first three characters the server at 127.0.0.1:<port> sends (an SMTP server greets with "220").
greeting() {
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c 3 <&3" 2>/dev/null || true
}

port_taken() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

start() {
  local dir=$1 smtp=$2 api=$3 imap=${4:-$(($2 + 118))}
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  stop "$dir" 2>/dev/null || true
  local port
  for port in "$smtp" "$imap" "$api"; do
    if port_taken "$port"; then
      log "port $port on 127.0.0.1 is already in use: stop what holds it (ss -ltnp | grep :$port) or choose other ports"
      exit 1
    fi
  done
  fetch
  log "starting SMTP on 127.0.0.1:$smtp, IMAP on :$imap, API on http://127.0.0.1:$api/ (log: $dir/mail.log)"
  local verbose=()
  [ "${MAIL_VERBOSE:-false}" = true ] && verbose=(-Dgreenmail.verbose)
  # shellcheck disable=SC2086
  setsid "$(java_bin)" ${MAIL_JAVA_OPTS:--Xms16m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
      -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp" \
      -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap" \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$api" \
      -Dgreenmail.auth.disabled "${verbose[@]}" \
      -jar "$JAR" >"$dir/mail.log" 2>&1 </dev/null &
  echo $! >"$dir/mail.pid"
  local i
  for i in $(seq 60); do
    if ! kill -0 "$(cat "$dir/mail.pid")" 2>/dev/null; then
      tail -40 "$dir/mail.log" >&2; rm -f "$dir/mail.pid"; log "GreenMail exited during start"; exit 1
    fi
    if [ "$(greeting "$smtp")" = 220 ] &&
       [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api/api/service/readiness")" = 200 ]; then
      log "ready after ${i}s"
      return 0
    fi
    sleep 1
  done
  tail -40 "$dir/mail.log" >&2
  log "not ready after 60 s"
  stop "$dir"
  exit 1
}

stop() {
  local dir=$1 pidfile=$1/mail.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  # setsid made the JVM the leader of its own process group: signal the group.
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 20); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
  log "stopped"
}

usage="usage: $0 start <instance-dir> <smtp-port> <api-port> [<imap-port>] | stop <instance-dir>"
case "${1:-}" in
  start) shift; [ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }; start "$@" ;;
  stop) shift; [ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }; stop "$1" ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
