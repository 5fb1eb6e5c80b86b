#!/usr/bin/env bash
# Viewer benchmark: latency (p50, p99) and throughput of an authenticated `viewer` query on the
# server (embedded defaults, fresh data directory), beside a trivial WebFlux endpoint of the same
# stack (bench/baseline-server), measured alternately in the same run so the GraphQL + security
# overhead is a ratio. Prints medians over ROUNDS rounds; see bench/README.md for results.
#
#   bench/run-viewer-bench.sh            # 5 rounds of 20 s at 32 connections, 2 threads
#   ROUNDS=3 DURATION=10s CONNECTIONS=16 bench/run-viewer-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

rounds=${ROUNDS:-5}; duration=${DURATION:-20s}; connections=${CONNECTIONS:-32}; threads=${THREADS:-2}
server_port=${SERVER_PORT:-18080}; baseline_port=${BASELINE_PORT:-18081}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

./mvnw -B -q --no-transfer-progress -DskipTests package
server_jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
baseline_jar=$(ls bench/baseline-server/target/performance-os-bench-baseline-*.jar | grep -v original | head -n 1)
jvm_opts="-Xms512m -Xmx1g"

# One token drives the whole load, so the per-client leaky bucket is given a leak rate no run can
# reach: every request still pays for the Redis round trips of the bucket, none is throttled.
PORT=$server_port PERFORMANCEOS_DATA_DIR=$work/data PERFORMANCEOS_DEMO_ENABLED=false \
  PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000 \
  java $jvm_opts -jar "$server_jar" >"$work/server.log" 2>&1 &
java $jvm_opts -jar "$baseline_jar" --server.port=$baseline_port --spring.main.banner-mode=off >"$work/baseline.log" 2>&1 &
for port in $server_port $baseline_port; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && break
    curl -s -o /dev/null -X POST "http://127.0.0.1:$port/graphql" && break; sleep 0.5; done
done
export TOKEN=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh ADMIN bench)

run() { wrk -t"$threads" -c"$connections" -d"$2" --latency -s bench/wrk/viewer.lua "http://127.0.0.1:$1/graphql" | grep '^RESULT'; }
echo "warm-up (not counted): ${WARMUP:-30s} each"; run $server_port "${WARMUP:-30s}" >/dev/null; run $baseline_port "${WARMUP:-30s}" >/dev/null
: >"$work/results"
for round in $(seq 1 "$rounds"); do
  echo "server   round $round: $(run $server_port "$duration" | tee -a "$work/server.results")"
  echo "baseline round $round: $(run $baseline_port "$duration" | tee -a "$work/baseline.results")"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$work/$1.results" | median; }
for kind in server baseline; do
  printf '%-8s median rps=%s p50_ms=%s p99_ms=%s (errors: %s)\n' "$kind" "$(field $kind rps)" "$(field $kind p50_ms)" \
    "$(field $kind p99_ms)" "$(sed -n 's/.*errors=\([0-9]*\) bad_responses=\([0-9]*\).*/\1+\2/p' "$work/$kind.results" | paste -sd' ')"
done
awk -v s="$(field server rps)" -v b="$(field baseline rps)" -v sp="$(field server p50_ms)" -v bp="$(field baseline p50_ms)" \
  -v s99="$(field server p99_ms)" -v b99="$(field baseline p99_ms)" \
  'BEGIN { printf "ratios server/baseline: throughput %.2f, p50 %.2f, p99 %.2f\n", s/b, sp/bp, s99/b99 }'
echo "settings: rounds=$rounds duration=$duration connections=$connections threads=$threads, JVM $jvm_opts, $(nproc) cores"
