#!/usr/bin/env bash
# Benchmark: approve + publish through the sign-off gate, beside pgbench running the same transactions (see
# deploy/bench/README.md). Not a test; `mvn verify` never runs it. Runs io.taskforce.bench.MessageGateBenchmark on an
# embedded PostgreSQL in a temporary directory. Arguments: --messages N, --threads N, --warmup N, --pgbench PATH.
exec "$(dirname "$0")/run-bench-class.sh" io.taskforce.bench.MessageGateBenchmark "$@"
