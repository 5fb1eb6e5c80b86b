#!/usr/bin/env bash
# Import of a large journal-lines CSV (default 1,000,000 rows = 500,000 balanced 2-line entries),
# end to end as a client does it: startImport with control totals, PUT of the file, validation pass,
# application pass in one transaction. Reports the wall time from the start of the upload to
# SUCCEEDED (and where validation ended), rows/s, the server's peak heap after GC (from -Xlog:gc)
# and the JVM process's peak RSS (VmHWM), under a deliberately modest -Xmx to show that memory does
# not grow with the file. Beside it, in the same run: a plain PostgreSQL COPY of the same CSV into an
# unindexed table of the same embedded PostgreSQL (the physical ceiling). Results in bench/README.md.
#
#   SERVER_PORT=18084 bench/run-import-bench.sh          # 1,000,000 rows, -Xmx512m
#   ROWS=100000 HEAP=256m bench/run-import-bench.sh       # a smaller file, a smaller heap
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/import.jfr bench/run-import-bench.sh   # with a profile
#   JAR=/tmp/baseline.jar bench/run-import-bench.sh       # an already built server jar (e.g. a baseline)
# Other server settings pass through the environment, e.g. PERFORMANCEOS_IMPORTS_CHUNK_ROWS=5000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
rows=${ROWS:-1000000}; heap=${HEAP:-512m}; port=${SERVER_PORT:-18083}
timeout_s=${IMPORT_TIMEOUT_SECONDS:-3600}; analytics_timeout_s=${ANALYTICS_TIMEOUT_SECONDS:-900}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q --no-transfer-progress -DskipTests package
  jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
else
  jar=$JAR
fi
PORT=$port PERFORMANCEOS_DATA_DIR=$work/data PERFORMANCEOS_DEMO_ENABLED=false \
  PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000 \
  PERFORMANCEOS_IMPORTS_DIRECTORY=$work/uploads \
  java -Xms128m -Xmx"$heap" -Xlog:gc:file="$work/gc.log" ${JAVA_OPTS:-} -jar "$jar" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" || { echo "server did not start; see its log:" >&2; tail -n 30 "$work/server.log" >&2; exit 1; }
pg_port=$(sed -n 's/.*started embedded PostgreSQL on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
token=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh FINANCE bench)
gql() { curl -s "http://127.0.0.1:$port/graphql" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
account() { gql -d "{\"query\":\"mutation { createAccount(input: {idempotencyKey: \\\"$1\\\", code: \\\"$1\\\", name: \\\"$1\\\", type: $2, currency: \\\"EUR\\\"}) { account { id } } }\"}" >/dev/null; }
account 411000 ASSET; account 706000 REVENUE
psql_bench() { psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

read -r control_rows control_sum < <(python3 bench/imports/generate-journal-lines.py "$rows" "$work/lines.csv")
file_bytes=$(stat -c %s "$work/lines.csv")
echo "file: $rows rows, $file_bytes bytes ($(( file_bytes / 1048576 )) MiB); control totals: $control_rows rows, debit sum $control_sum"

mapping='[{"column":"Piece","field":"ENTRY_REFERENCE"},{"column":"Date","field":"EFFECTIVE_DATE"},{"column":"Compte","field":"ACCOUNT_CODE"},{"column":"Debit","field":"DEBIT"},{"column":"Credit","field":"CREDIT"},{"column":"Devise","field":"CURRENCY"},{"column":"Libelle","field":"MEMO"}]'
started=$(gql -d "{\"query\":\"mutation(\$input: StartImportInput!) { startImport(input: \$input) { import { id } uploadUrl userErrors { code message } } }\",\"variables\":{\"input\":{\"idempotencyKey\":\"bench\",\"kind\":\"JOURNAL_LINES\",\"fileName\":\"bench.csv\",\"columnMapping\":$mapping,\"controlTotals\":{\"rowCount\":$control_rows,\"amountSum\":\"$control_sum\"}}}}")
import_id=$(echo "$started" | sed -n 's/.*"import":{"id":"\([^"]*\)".*/\1/p')
upload_url=$(echo "$started" | sed -n 's/.*"uploadUrl":"\([^"]*\)".*/\1/p')
[ -n "$import_id" ] && [ -n "$upload_url" ] || { echo "startImport failed: $started" >&2; exit 1; }

ms() { echo $(( $(date +%s%N) / 1000000 )); }
status_of() { gql -d "{\"query\":\"query(\$id: ID!) { node(id: \$id) { ... on Import { status job { progress { done total } } } } }\",\"variables\":{\"id\":\"$import_id\"}}"; }
start=$(ms)
curl -sf -o /dev/null -X PUT "http://127.0.0.1:$port$upload_url" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @"$work/lines.csv"
uploaded_ms=$(( $(ms) - start )); validated_ms=""
while :; do
  answer=$(status_of)
  status=$(echo "$answer" | sed -n 's/.*"status":"\([A-Z_]*\)".*/\1/p')
  done_rows=$(echo "$answer" | sed -n 's/.*"done":\([0-9]*\).*/\1/p')
  if [ -z "$validated_ms" ] && [ "${done_rows:-0}" -ge "$rows" ]; then validated_ms=$(( $(ms) - start )); fi
  case "$status" in AWAITING_CONTENT|QUEUED|RUNNING|"") ;; *) break ;; esac
  [ $(( $(ms) - start )) -lt $(( timeout_s * 1000 )) ] || { echo "import still $status after ${timeout_s}s" >&2; exit 1; }
  sleep 1
done
import_ms=$(( $(ms) - start ))
[ "$status" = "SUCCEEDED" ] || { echo "import ended $status: $(gql -d "{\"query\":\"query(\$id: ID!) { node(id: \$id) { ... on Import { report { problems(first: 5) { nodes { row code message } } } } } }\",\"variables\":{\"id\":\"$import_id\"}}")" >&2; exit 1; }
entries=$(psql_bench -Atc "SELECT count(*) FROM ledger_journal_entry WHERE batch_id IS NOT NULL")
lines=$(psql_bench -Atc "SELECT count(*) FROM ledger_journal_line")
# The analytics projection of the imported lines is asynchronous (outbox): how long until it caught up.
analytics="not caught up after ${analytics_timeout_s} s"
while [ $(( $(ms) - start )) -lt $(( (import_ms / 1000 + analytics_timeout_s) * 1000 )) ]; do
  if [ "$(psql_bench -Atc "SELECT count(*) FROM outbox_delivery")" = "0" ]; then analytics="caught up at $(( $(ms) - start )) ms"; break; fi
  sleep 1
done
peak_rss_kb=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status")

psql_bench -c "CREATE TABLE bench_import (piece text, date date, compte text, debit numeric(38,6), credit numeric(38,6), devise char(3), libelle text)"
start=$(ms); psql_bench -c "\\copy bench_import FROM '$work/lines.csv' WITH (FORMAT csv, HEADER true)"; copy_ms=$(( $(ms) - start ))

# G1 lines read "... Pause Young (Normal) (G1 Evacuation Pause) 301M->98M(512M) 12.345ms": before->after(committed).
gc_summary=$(sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M(\([0-9]*\)M).*/\1 \2 \3/p' "$work/gc.log" | awk '
  { if ($1 > before) before = $1; if ($2 > after) after = $2; if ($3 > committed) committed = $3; n++ }
  END { printf "%d %d %d %d", after, before, committed, n }')
read -r peak_after peak_before peak_committed gc_count <<<"$gc_summary"
echo "imported: $entries entries, $lines lines (status $status)"
echo "upload ${uploaded_ms} ms; validation done by ~${validated_ms:-?} ms; applied (SUCCEEDED) at ${import_ms} ms = $(( rows * 1000 / import_ms )) rows/s; analytics $analytics"
echo "memory: -Xmx$heap; peak heap after GC ${peak_after} MiB (before GC ${peak_before} MiB, committed ${peak_committed} MiB, $gc_count GCs); peak RSS $(( peak_rss_kb / 1024 )) MiB"
echo "COPY of the same CSV into an unindexed table: ${copy_ms} ms = $(( rows * 1000 / copy_ms )) rows/s; ratio import/COPY time $(awk -v a="$import_ms" -v c="$copy_ms" 'BEGIN { printf "%.1f", a / c }')"
