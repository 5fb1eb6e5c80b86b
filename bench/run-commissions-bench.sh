#!/usr/bin/env bash
# A commission calculation run beside the same plan in plain SQL (server/src/test/.../rules/commissions/runs/
# CommissionCalculationBench, run on demand): DEALS deals over 500 reps (one in ten split 60/40, a 3-tier GRADUATED
# plan with a cap), on embedded defaults (durable PostgreSQL: fsync and synchronous commit on). Per round, alternating
# which side goes first: the run end to end through the API (read, compute, write lines with traces and totals), the
# plain-SQL implementation (INSERT ... SELECT with a window function), then the read and the compute phase alone.
# Both sides must give the same line count, sum of amounts and payable per rep (the bench fails otherwise).
# Prints per-round figures, medians with spread (min-max), the ratio and the load average. Results go to bench/README.md.
#
#   bench/run-commissions-bench.sh                          # 1,000,000 deals, 3 rounds
#   DEALS=10000000 ROUNDS=1 HEAP=12g bench/run-commissions-bench.sh
#   PROFILE=/tmp/commissions.jfr bench/run-commissions-bench.sh   # JFR recording of the test JVM, hot methods printed
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

deals=${DEALS:-1000000}; rounds=${ROUNDS:-3}; heap=${HEAP:-8g}
arg_line="-Xmx$heap"
[ -n "${PROFILE:-}" ] && arg_line="$arg_line -XX:StartFlightRecording=filename=$PROFILE,settings=profile"

./mvnw -q -o -pl server -Dexplorer.skip=true test -Dtest=CommissionCalculationBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcommissions.bench.deals="$deals" -Dcommissions.bench.rounds="$rounds" -DargLine="$arg_line" \
  | grep '^BENCH' || true
grep -h '^BENCH' server/target/surefire-reports/*CommissionCalculationBench-output.txt 2>/dev/null || true
if [ -n "${PROFILE:-}" ] && [ -f "$PROFILE" ]; then
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$PROFILE" | head -40
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
