#!/usr/bin/env bash
# Posting throughput: journal lines per second through the bulk mutation (postJournalEntries, 10,000
# entries = 20,000 lines, all-or-nothing, with idempotency, audit and outbox), beside a plain
# PostgreSQL COPY of the same 20,000 lines into an unindexed table of the same database in the same
# run (the physical ceiling). Medians over ROUNDS rounds; results in bench/README.md.
# After each round it waits (at most DRAIN_SECONDS) until the outbox is delivered, so that a round's
# asynchronous analytics projection does not run during the next round, and reports how long that took.
#
#   bench/run-posting-bench.sh                               # 5 rounds
#   JAR=/tmp/baseline.jar bench/run-posting-bench.sh         # an already built server jar (e.g. a baseline)
#   DURABILITY=FAST_FOR_TESTS_ONLY bench/run-posting-bench.sh # embedded PostgreSQL without fsync (default DURABLE)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
rounds=${ROUNDS:-5}; entries=${ENTRIES:-10000}; port=${SERVER_PORT:-18082}; drain_seconds=${DRAIN_SECONDS:-120}
durability=${DURABILITY:-DURABLE}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q --no-transfer-progress -DskipTests package
  jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
else
  jar=$JAR
fi
PORT=$port PERFORMANCEOS_DATA_DIR=$work/data PERFORMANCEOS_DEMO_ENABLED=false PERFORMANCEOS_EMBEDDED_POSTGRES_DURABILITY=$durability \
  PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000 \
  java -Xms512m -Xmx2g -jar "$jar" >"$work/server.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && break; sleep 0.5; done
pg_port=$(sed -n 's/.*started embedded PostgreSQL on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
token=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh FINANCE bench)
gql() { curl -s "http://127.0.0.1:$port/graphql" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
account() { gql -d "{\"query\":\"mutation { createAccount(input: {idempotencyKey: \\\"$1\\\", code: \\\"$1\\\", name: \\\"$1\\\", type: $2, currency: \\\"EUR\\\"}) { account { id } } }\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/'; }
bank=$(account 512000 ASSET); sales=$(account 706000 REVENUE)
psql_bench() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
echo "embedded PostgreSQL: $durability (fsync $(psql_bench -Atc 'SHOW fsync'), synchronous_commit $(psql_bench -Atc 'SHOW synchronous_commit'))"
psql_bench -c "CREATE TABLE IF NOT EXISTS bench_copy (entry int, line int, side text, amount numeric(38,6), currency char(3), effective_date date)"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
for round in $(seq 0 "$rounds"); do
  python3 bench/posting/generate-bulk.py "$bank" "$sales" "$entries" "round-$round" "$work/bulk.json" "$work/lines.csv"
  start=$(ms); answer=$(gql --data-binary @"$work/bulk.json"); answered=$(ms); api_ms=$(( answered - start ))
  echo "$answer" | grep -q "\"postedLineCount\":$((entries * 2))" || { echo "bulk failed: $answer" | head -c 400 >&2; exit 1; }
  psql_bench -c "TRUNCATE bench_copy"
  start=$(ms); psql_bench -c "\\copy bench_copy FROM '$work/lines.csv' WITH (FORMAT csv)"; copy_ms=$(( $(ms) - start ))
  delivered=""
  while [ $(( $(ms) - answered )) -lt $(( drain_seconds * 1000 )) ]; do
    if [ "$(psql_bench -Atc "SELECT count(*) FROM outbox_delivery")" = 0 ]; then delivered=yes; break; fi
    sleep 0.2
  done
  drained_ms=$(( $(ms) - answered ))
  # A round whose outbox was not delivered in time is reported as such; its figure is a lower bound.
  note=""; [ -n "$delivered" ] || { drained_ms=">$drained_ms"; note=" (gave up waiting)"; }
  if [ "$round" -eq 0 ]; then echo "warm-up round: api ${api_ms} ms, copy ${copy_ms} ms (not counted)"; continue; fi
  echo "round $round: api ${api_ms} ms ($(( entries * 2 * 1000 / api_ms )) lines/s), copy ${copy_ms} ms ($(( entries * 2 * 1000 / copy_ms )) lines/s), outbox delivered ${drained_ms} ms after the response$note"
  echo "$api_ms $copy_ms $drained_ms" >>"$work/results"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
api=$(cut -d' ' -f1 "$work/results" | median); copy=$(cut -d' ' -f2 "$work/results" | median)
awk -v a="$api" -v c="$copy" -v n=$((entries * 2)) 'BEGIN { printf "median: bulk mutation %d ms = %.0f lines/s; COPY %d ms = %.0f lines/s; ratio api/copy throughput %.2f\n", a, n*1000/a, c, n*1000/c, c/a }'
echo "spread api ms: $(cut -d' ' -f1 "$work/results" | sort -n | paste -sd' '); copy ms: $(cut -d' ' -f2 "$work/results" | sort -n | paste -sd' ')"
echo "outbox delivered (analytics, cache) after the response, ms (> = not delivered when the wait gave up): $(cut -d' ' -f3 "$work/results" | paste -sd' ')"
