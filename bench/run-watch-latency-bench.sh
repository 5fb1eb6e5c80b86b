#!/usr/bin/env bash
# Market watch end to end (issue 13): the whole server (embedded PostgreSQL and Redis), 100,000 saved searches seeded
# in SQL, 3 vendors subscribed to tenderMatched over WebSocket; notices ingested one at a time at 1,000 a minute;
# latency from the ingestion call to each subscriber's message (p50, p99) and the load average around the run.
# Results in bench/README.md ("Market watch matching").
#
#   bench/run-watch-latency-bench.sh
#   SEARCHES=100000 NOTICES=300 PER_MINUTE=1000 MIN_PREFIX=2 bench/run-watch-latency-bench.sh   # MIN_PREFIX=3: ~10x fewer matches
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -q -o -pl server -Dexplorer.skip=true test -Dtest=MarketWatchLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwatch.bench.searches="${SEARCHES:-100000}" -Dwatch.bench.notices="${NOTICES:-300}" -Dwatch.bench.perMinute="${PER_MINUTE:-1000}" -Dwatch.bench.minPrefix="${MIN_PREFIX:-2}" \
  >/dev/null || { echo "the bench failed: see server/target/surefire-reports" >&2; }
grep -h '^BENCH' server/target/surefire-reports/*MarketWatchLatencyBench-output.txt
