#!/usr/bin/env bash
# Rules engine beside GoRules ZEN: one JDM graph (insurance-agent-commission by default), the same
# generated inputs (NDJSON, seeded), in-process on both sides: JMH on one thread for ours, ZEN's
# Node binding awaiting each call and with many calls in flight for theirs. Rounds alternate the
# three; prints per-round figures, medians, spread (min-max), the ratios and the load average.
# Results go to bench/README.md.
#
#   bench/run-rules-bench.sh                                # 5 rounds, 1,000,000 inputs
#   ROUNDS=3 INPUTS=100000 GRAPH=loan-approval bench/run-rules-bench.sh
# (other graphs take inputs varied from their shipped test inputs: bench/rules-bench/generate-graph-inputs.py)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }

rounds=${ROUNDS:-5}; inputs_count=${INPUTS:-1000000}; seconds=${SECONDS_PER_ROUND:-5}; inflight=${INFLIGHT:-64}
graph_name=${GRAPH:-insurance-agent-commission}
graph="$(pwd)/reference-data/rules/gorules-jdm/graphs/$graph_name.json"
[ -f "$graph" ] || { echo "graph not found: $graph" >&2; exit 1; }
work=$(mktemp -d /tmp/rules-bench.XXXXXX)
inputs="$work/inputs.ndjson"

if [ "$graph_name" = insurance-agent-commission ]; then
  python3 bench/rules-bench/generate-inputs.py "$inputs_count" "$inputs"
else
  python3 bench/rules-bench/generate-graph-inputs.py "$inputs_count" "$inputs" "$graph"
fi
./mvnw -q -P rules-bench -pl bench/rules-bench -am -Dexplorer.skip=true -DskipTests \
  compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="bench/rules-bench/target/classes:$(cat bench/rules-bench/target/classpath.txt)"
# npm ci refuses a lock file made on one platform (ZEN ships one optional binary package per platform).
(cd bench/rules-bench/zen && npm install --no-audit --no-fund --silent)

ours=(); zen_await=(); zen_inflight=(); loads=()
for round in $(seq 1 "$rounds"); do
  "$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main JdmGraphBench -f 1 -t 1 -wi 2 -w "${seconds}s" -i 3 -r "${seconds}s" \
    -jvmArgsAppend "-Xmx2g -Drules.graph=$graph -Drules.inputs=$inputs" -rf json -rff "$work/jmh-$round.json" > "$work/jmh-$round.log"
  ours+=("$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))[0]['primaryMetric']['score']))" "$work/jmh-$round.json")")
  zen_await+=("$(node bench/rules-bench/zen/zen-bench.js "$graph" "$inputs" "$seconds" 1 | python3 -c "import json,sys; print(round(json.load(sys.stdin)['evalsPerSecond']))")")
  zen_inflight+=("$(node bench/rules-bench/zen/zen-bench.js "$graph" "$inputs" "$seconds" "$inflight" | python3 -c "import json,sys; print(round(json.load(sys.stdin)['evalsPerSecond']))")")
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "round $round: ours ${ours[-1]}/s, zen await ${zen_await[-1]}/s, zen $inflight in flight ${zen_inflight[-1]}/s, load ${loads[-1]}"
done

python3 - "$graph_name" "$inflight" "${ours[*]}" "${zen_await[*]}" "${zen_inflight[*]}" "${loads[*]}" <<'PY'
import statistics, sys
name, inflight = sys.argv[1], sys.argv[2]
ours, zen_await, zen_inflight, loads = ([float(x) for x in arg.split()] for arg in sys.argv[3:7])
def row(label, values):
    print(f"| {label} | {statistics.median(values):,.0f} | {min(values):,.0f} – {max(values):,.0f} |")
print(f"\n{name}: evaluations per second on one core, {len(ours)} alternating rounds")
print("| side | median evals/s | spread (min – max) |\n|---|---|---|")
row("rules engine (JMH, 1 thread)", ours)
row("ZEN 0.54.0, awaiting each call", zen_await)
row(f"ZEN 0.54.0, {inflight} calls in flight", zen_inflight)
best_zen = max(statistics.median(zen_await), statistics.median(zen_inflight))
print(f"\nratio ours / best ZEN median: {statistics.median(ours) / best_zen:.1f}x; load average (1 min) per round: {', '.join(f'{l:.2f}' for l in loads)}")
PY
rm -rf "$work"
