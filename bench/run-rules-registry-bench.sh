#!/usr/bin/env bash
# Rules registry measurements through GraphQL (server/src/test/.../rules/registry/RuleRegistryBench, run on demand):
# - rollback propagation: ROLLBACKS rollbacks answered by instance A, time until instance B's next evaluateRule uses
#   the rolled-back version (median, p99, max);
# - evaluateRule overhead: the same graph and INPUTS seeded inputs in batches of 10,000 through GraphQL, beside the
#   in-process engine in the same JVM (evals/s and ratio, 3 rounds).
# Also the CEL JMH figures (CelExpressionBench: 5-clause eligibility evals/s, compile time per version).
# Results go to bench/README.md.
#
#   bench/run-rules-registry-bench.sh                # 100 rollbacks, 100,000 inputs, insurance-agent-commission
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

rollbacks=${ROLLBACKS:-100}; inputs_count=${INPUTS:-100000}; graph_name=${GRAPH:-insurance-agent-commission}
graph="$(pwd)/reference-data/rules/gorules-jdm/graphs/$graph_name.json"
work=$(mktemp -d /tmp/rules-registry-bench.XXXXXX)
python3 bench/rules-bench/generate-inputs.py "$inputs_count" "$work/inputs.ndjson"

./mvnw -q -o -pl server -Dexplorer.skip=true test -Dtest=RuleRegistryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Drules.bench.graph="$graph" -Drules.bench.inputs="$work/inputs.ndjson" -Drules.bench.rollbacks="$rollbacks" \
  | tee "$work/registry.log" | grep '^BENCH' || true
grep -h '^BENCH' server/target/surefire-reports/*RuleRegistryBench-output.txt 2>/dev/null || true

./mvnw -q -P rules-bench -pl bench/rules-bench -am -Dexplorer.skip=true -DskipTests \
  compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="bench/rules-bench/target/classes:$(cat bench/rules-bench/target/classpath.txt)"
"$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main CelExpressionBench -f 1 -t 1 -wi 2 -w 3s -i 3 -r 3s | grep -E '^(Benchmark|CelExpressionBench)'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
