#!/usr/bin/env bash
# Scenario recalculation: a 91-day cash forecast over 100,000 open invoices, 5,000 customers, 20,000 bills and the
# recurring series detected in two years of generated bank history; median and p99 after warm-up. Plain Java,
# single thread, no server; then the same computation as one SQL query in an embedded, durable PostgreSQL, side by
# side (SQL_ROUNDS alternating rounds, totals compared each round). Results in bench/README.md ("Scenario recalculation").
#
#   bench/run-scenario-bench.sh
#   ROUNDS=1000 WARMUP=300 SQL_ROUNDS=100 bench/run-scenario-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -o -q -pl server -Dexplorer.skip=true -DskipTests compile
# The server's runtime classpath brings the embedded PostgreSQL and its JDBC driver (online: a fresh machine may lack the dependency plugin).
./mvnw -q -pl server dependency:build-classpath -Dmdep.outputFile=target/scenario-bench-classpath.txt
cat /proc/loadavg
java -Xms1g -Xmx2g -cp "server/target/classes:$(cat server/target/scenario-bench-classpath.txt)" -Dwarmup="${WARMUP:-200}" \
  -Drounds="${ROUNDS:-500}" -DsqlRounds="${SQL_ROUNDS:-60}" bench/scenarios/ScenarioRecalcBench.java
cat /proc/loadavg
