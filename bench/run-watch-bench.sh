#!/usr/bin/env bash
# Market watch matching: 100,000 saved searches (from the real CPV 2008 list) against 1,000 notices, through the
# index and (one notice in SCAN_EVERY, right after the index on the same notice) through a scan of every search,
# alternating notice by notice in one run; p50/p99 per notice and CPU per notice. Plain
# Java, single thread, no server; results in bench/README.md ("Market watch matching").
#
#   bench/run-watch-bench.sh
#   SEARCHES=100000 NOTICES=1000 ROUNDS=3 SCAN_EVERY=10 bench/run-watch-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -o -q -pl server -Dexplorer.skip=true -DskipTests test-compile
jspecify=$(ls ~/.m2/repository/org/jspecify/jspecify/*/jspecify-*.jar | head -n 1)
cat /proc/loadavg
java -Xms1g -Xmx2g -cp "server/target/classes:server/target/test-classes:$jspecify" -Dsearches="${SEARCHES:-100000}" \
  -Dnotices="${NOTICES:-1000}" -Drounds="${ROUNDS:-3}" -DscanEvery="${SCAN_EVERY:-10}" com.performanceos.tenders.watch.MarketWatchMatchingBench
cat /proc/loadavg
