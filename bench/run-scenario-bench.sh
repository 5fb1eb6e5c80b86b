#!/usr/bin/env bash
# Scenario recalculation: a 91-day cash forecast over 100,000 open invoices, 5,000 customers, 20,000 bills and the
# recurring series detected in two years of generated bank history; median and p99 after warm-up. Plain Java,
# single thread, no server; results in bench/README.md ("Scenario recalculation").
#
#   bench/run-scenario-bench.sh
#   ROUNDS=1000 WARMUP=300 bench/run-scenario-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -o -q -pl server -Dexplorer.skip=true -DskipTests compile
jspecify=$(ls ~/.m2/repository/org/jspecify/jspecify/*/jspecify-*.jar | head -n 1)
cat /proc/loadavg
java -Xms1g -Xmx2g -cp "server/target/classes:$jspecify" -Dwarmup="${WARMUP:-200}" -Drounds="${ROUNDS:-500}" \
  bench/scenarios/ScenarioRecalcBench.java
cat /proc/loadavg
