#!/usr/bin/env bash
# The AI degraded path (issue 11): proposePlan with the provider failing and the circuit breaker open, under
# CALLERS concurrent callers (default 50) sending REQUESTS mutations each (default 40) over HTTP to the full server
# (real PostgreSQL, Redis, ClickHouse; WireMock as the provider). Every answer must be QUEUED; prints throughput and
# latency percentiles (goal: p99 under 50 ms). Runs server/src/test/.../rules/proposals/AiDegradedBench on demand.
# Results go to bench/README.md.
#
# PACE_MS (default 0) paces each caller: 0 is a closed loop (the next request as soon as the previous answer arrives:
# saturation, where latency is callers / throughput); PACE_MS=1000 has each caller send one request a second whether
# answered or not (open loop: 50 requests/s for 50 callers).
#
#   bench/run-ai-degraded-bench.sh
#   CALLERS=50 REQUESTS=100 bench/run-ai-degraded-bench.sh
#   PACE_MS=1000 REQUESTS=60 bench/run-ai-degraded-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

callers=${CALLERS:-50}; requests=${REQUESTS:-40}; pace=${PACE_MS:-0}
./mvnw -q -o -pl server -Dexplorer.skip=true test -Dtest=AiDegradedBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dai.bench.callers="$callers" -Dai.bench.requests="$requests" -Dai.bench.pace-ms="$pace" >/dev/null || { echo "the bench failed: see server/target/surefire-reports" >&2; }
# No BENCH line means the test did not run to its end (its report says why); say so rather than print nothing.
grep -h '^BENCH' server/target/surefire-reports/*AiDegradedBench-output.txt || echo "no BENCH line: see server/target/surefire-reports/*AiDegradedBench.txt" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
