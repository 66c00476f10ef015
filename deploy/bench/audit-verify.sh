#!/usr/bin/env bash
# Benchmark: verify a 100,000-event audit chain (see deploy/bench/README.md). Not a test; `mvn verify` never runs it.
# Runs io.taskforce.bench.AuditVerifyBenchmark on an embedded PostgreSQL in a temporary directory. Arguments are
# passed to the benchmark: --events N, --batch N, --runs N, --export FILE, --export-sample DIR. JAVA_OPTS overrides
# the heap flags (default: those of deploy/run-local.sh).
exec "$(dirname "$0")/run-bench-class.sh" io.taskforce.bench.AuditVerifyBenchmark "$@"
