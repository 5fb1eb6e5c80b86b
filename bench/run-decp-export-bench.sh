#!/usr/bin/env bash
# DECP export of 100,000 contracts (issue 13): the full server on embedded PostgreSQL in a JVM of 256 MiB heap;
# one contract signed through the API, copied in SQL to CONTRACTS (one in ten amended), then GET
# /exports/tenders/decp.json streamed by the client. Prints the time, the bytes sent and the heap's peak; that it
# completes with -Xmx256m is the bounded-memory claim. Results in bench/README.md ("DECP export").
#
#   bench/run-decp-export-bench.sh
#   CONTRACTS=100000 HEAP=256m bench/run-decp-export-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -o -pl server -Dexplorer.skip=true test -Dtest=DecpExportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddecp.bench.contracts="${CONTRACTS:-100000}" -DargLine="-Xmx${HEAP:-256m} -XX:+ExitOnOutOfMemoryError" >/dev/null \
  || { echo "the bench failed: see server/target/surefire-reports" >&2; }
grep -h '^BENCH' server/target/surefire-reports/*DecpExportBench-output.txt
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
