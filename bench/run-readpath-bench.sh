#!/usr/bin/env bash
# Read path beside PostGraphile 4.14: the server (embedded defaults: durable PostgreSQL 17, Redis) and
# PostGraphile on the server's own PostgreSQL, same application role, same RS256 token, same tenant
# setting, row-level security filtering on both sides. Alternating wrk rounds per query shape (the
# first side of a pair swaps every round); medians, p50/p99 and ratios; the load average per round.
# See bench/README.md for results. PostGraphile 5 needs Node 22; these machines have Node 20.
#
#   bench/run-readpath-bench.sh                                   # 4 rounds of 15 s per shape and side
#   SHAPES="list nested" ROUNDS=3 DURATION=10s bench/run-readpath-bench.sh
#   JAR=/tmp/server.jar PROFILE=/tmp/readpath.jfr bench/run-readpath-bench.sh   # a built jar, with a JFR recording
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

rounds=${ROUNDS:-4}; duration=${DURATION:-15s}; warmup=${WARMUP:-20s}
connections=${CONNECTIONS:-32}; threads=${THREADS:-2}; entries=${ENTRIES:-2000}
shapes=${SHAPES:-list node nested balances}
server_port=${SERVER_PORT:-18086}; peer_port=${PEER_PORT:-18087}
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
command -v psql >/dev/null || apt-get install -y postgresql-client >/dev/null
(cd bench/readpath && npm ci --no-audit --no-fund --silent)
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q --no-transfer-progress -Dexplorer.skip=true -DskipTests -pl server package
  jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
else
  jar=$JAR
fi
profile_opts=${PROFILE:+-XX:StartFlightRecording=filename=$PROFILE,settings=profile,dumponexit=true}
# One token drives the whole load, so the per-client and per-tenant leaky buckets are given leak rates no run can reach:
# every request still pays the bucket's Redis round trips, none is throttled.
PORT=$server_port PERFORMANCEOS_DATA_DIR=$work/data PERFORMANCEOS_DEMO_ENABLED=false \
  PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000 \
  PERFORMANCEOS_LIMITS_TENANT_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_TENANT_BUCKET_CAPACITY=10000000 \
  java -Xms512m -Xmx1g $profile_opts -jar "$jar" >"$work/server.log" 2>&1 &
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$server_port/actuator/health" && break; sleep 0.5; done
pg_port=$(sed -n 's/.*started embedded PostgreSQL on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
[ -n "$pg_port" ] || { cat "$work/server.log" >&2; exit 1; }
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -f bench/readpath/peer-schema.sql
echo "embedded PostgreSQL: fsync $(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc 'SHOW fsync'), synchronous_commit $(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc 'SHOW synchronous_commit')"
openssl rsa -in "$work/data/identity/signing-key.pem" -pubout -out "$work/public.pem" 2>/dev/null
(cd bench/readpath && exec node postgraphile-server.js "$peer_port" "postgres://pos_app:pos_app@127.0.0.1:$pg_port/postgres" \
  "$work/public.pem" performanceos-embedded 20) >"$work/peer.log" 2>&1 &
for _ in $(seq 1 60); do grep -q listening "$work/peer.log" && break; sleep 0.5; done
export TOKEN=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh ADMIN bench)
python3 bench/readpath/seed.py "http://127.0.0.1:$server_port/graphql" "http://127.0.0.1:$peer_port/graphql" "$TOKEN" "$entries" "$work"
# The seed's outbox (analytics projection of every posted line) is delivered in the background: wait for it,
# so that the first shape measured does not share the cores with it (at most DRAIN_SECONDS).
for _ in $(seq 1 "${DRAIN_SECONDS:-120}"); do
  [ "$(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc 'SELECT count(*) FROM outbox_delivery')" = 0 ] && break
  sleep 1
done
echo "outbox after seeding: $(PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc 'SELECT count(*) FROM outbox_delivery') deliveries pending"

url() { if [ "$1" = server ]; then echo "http://127.0.0.1:$server_port/graphql"; else echo "http://127.0.0.1:$peer_port/graphql"; fi; }
# Each shape's answer must hold this (and no "errors") to count as good.
expect() { case $1 in list) echo '"totalCount":100';; node) echo '"code":"6';; nested) echo '"lineNumber":2';; balances) echo '"lineCount"';; esac; }
run() { BODIES=$work/$1.$2.bodies EXPECT=$(expect "$1") wrk -t"$threads" -c"$connections" -d"$3" --timeout 10s --latency -s bench/wrk/graphql.lua "$(url "$2")" \
  | grep -E '^(RESULT|FIRST_BAD)'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep '^RESULT' "$work/$1.results" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p" | median; }
echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for shape in $shapes; do
  for side in server peer; do run "$shape" "$side" "$warmup" >/dev/null; done
  : >"$work/$shape.server.results"; : >"$work/$shape.peer.results"
  for round in $(seq 1 "$rounds"); do
    order="server peer"; [ $((round % 2)) = 0 ] && order="peer server"
    for side in $order; do
      echo "$shape $side round $round: $(run "$shape" "$side" "$duration" | tee -a "$work/$shape.$side.results" | paste -sd' ') load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
echo
printf '| shape | side | median req/s | median p50 ms | median p99 ms | errors+bad per round |\n|---|---|---|---|---|---|\n'
for shape in $shapes; do
  for side in server peer; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$shape" "$side" "$(field "$shape.$side" rps)" "$(field "$shape.$side" p50_ms)" \
      "$(field "$shape.$side" p99_ms)" "$(sed -n 's/.*errors=\([0-9]*\) bad_responses=\([0-9]*\).*/\1+\2/p' "$work/$shape.$side.results" | paste -sd' ')"
  done
  awk -v s="$(field "$shape.server" rps)" -v p="$(field "$shape.peer" rps)" -v s99="$(field "$shape.server" p99_ms)" \
    -v p99="$(field "$shape.peer" p99_ms)" -v shape="$shape" \
    'BEGIN { printf "| %s | **server / PostGraphile** | **%.2f** | | %.2f | |\n", shape, s/p, s99/p99 }'
done
echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$rounds duration=$duration warmup=$warmup wrk -t$threads -c$connections, entries=$entries, JVM -Xms512m -Xmx1g, PostGraphile 4.14.0 on Node $(node --version), pool 20 each"
