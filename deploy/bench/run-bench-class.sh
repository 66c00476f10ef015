#!/usr/bin/env bash
# Runs one benchmark class of the backend's test sources (not a test; `mvn verify` never runs it): compiles the test
# classes, builds their class path and runs CLASS with the remaining arguments on the newest JDK, as
# deploy/run-local.sh picks it. JAVA_OPTS overrides the heap flags (default: those of deploy/run-local.sh).
#   deploy/bench/run-bench-class.sh io.taskforce.bench.AuditVerifyBenchmark --events 20000
set -euo pipefail
CLASS=$1
shift

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

# The newest JDK available, as deploy/run-local.sh picks it.
JAVA=java
for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  if [ -n "$jdk" ] && [ -x "$jdk/bin/java" ]; then JAVA="$jdk/bin/java"; break; fi
done

echo "[bench] compiling (backend test classes)" >&2
if [ ! -d "$ROOT/frontend/target" ]; then
  ./mvnw -B -ntp -q -pl frontend install -DskipTests
fi
./mvnw -B -ntp -q -pl backend test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -ntp -q -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"

echo "[bench] running with $("$JAVA" -version 2>&1 | head -1)" >&2
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec "$JAVA" ${JAVA_OPTS:--Xms64m -Xmx512m} \
  -cp "backend/target/test-classes:backend/target/classes:$(cat "$CP_FILE")" \
  -Dtaskforce.repo.root="$ROOT" "$CLASS" "$@"
