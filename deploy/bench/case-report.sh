#!/usr/bin/env bash
# Benchmark: the case report (PDF) of the largest demo case, staff and client versions, then of that case grown to a
# working size (see deploy/bench/README.md). Not a test; `mvn verify` never runs it. Runs
# io.taskforce.bench.CaseReportBenchmark on an embedded PostgreSQL in a temporary directory.
# Arguments: --runs N, --entries N, --stakeholders N, --rumours N.
exec "$(dirname "$0")/run-bench-class.sh" io.taskforce.bench.CaseReportBenchmark "$@"
