#!/usr/bin/env bash
# Runs every suite that needs a running server against one contract environment (Keycloak, WireMock
# and the built server as separate processes, see scripts/contract-env.sh), then stops it. Each suite
# runs even when an earlier one failed; the summary lists them with their outcome and duration, and
# the exit status is non-zero when anything failed.
#
#   scripts/contract-tests.sh
#
# Adding a suite is one `run_suite "name" command...` line below: the command runs from the
# repository root with PERFORMANCEOS_URL, PERFORMANCEOS_TOKEN, PERFORMANCEOS_THROTTLE_TOKEN,
# KEYCLOAK_URL, KEYCLOAK_REALM, KEYCLOAK_ISSUER and WIREMOCK_URL exported.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=java-home.sh
source scripts/java-home.sh || exit 1

summary=()
failed=0
run_started=$SECONDS

log() { echo "[contract-tests] $*" >&2; }

record() {
  local outcome=$1 name=$2 seconds=$3 details=${4:-}
  summary+=("$(printf '%-4s  %-44s %5ss  %s' "$outcome" "$name" "$seconds" "$details")")
  [ "$outcome" = PASS ] || failed=1
}

# Sums the JUnit XML reports of a Maven module: "tests N, failures N, errors N, skipped N".
surefire_counts() {
  local reports=$1/target/surefire-reports tests=0 failures=0 errors=0 skipped=0 line
  ls "$reports"/TEST-*.xml > /dev/null 2>&1 || { echo "no test reports"; return; }
  for line in $(sed -n 's/^<testsuite .*tests="\([0-9]*\)" errors="\([0-9]*\)" skipped="\([0-9]*\)" failures="\([0-9]*\)".*/\1,\2,\3,\4/p' "$reports"/TEST-*.xml); do
    IFS=, read -r t e s f <<< "$line"
    tests=$((tests + t)); errors=$((errors + e)); skipped=$((skipped + s)); failures=$((failures + f))
  done
  echo "tests $tests, failures $failures, errors $errors, skipped $skipped"
}

# A suite's command may set suite_details (e.g. test counts) for the summary line.
run_suite() {
  local name=$1; shift
  local started=$SECONDS
  suite_details=""
  log "suite '$name': $*"
  if "$@"; then
    record PASS "$name" $((SECONDS - started)) "$suite_details"
  else
    record FAIL "$name" $((SECONDS - started)) "$suite_details"
  fi
}

finish() {
  scripts/contract-env.sh stop
  echo
  echo "Contract suites (total $((SECONDS - run_started))s):"
  printf '  %s\n' "${summary[@]}"
  [ "$failed" -eq 0 ] && echo "All contract suites passed." || echo "Some contract suites FAILED (logs: target/contract-env/)."
}
trap finish EXIT

started=$SECONDS
if scripts/contract-env.sh start > /dev/null; then
  record PASS "environment (Keycloak, WireMock, server)" $((SECONDS - started))
else
  record FAIL "environment (Keycloak, WireMock, server)" $((SECONDS - started))
  exit 1
fi
# shellcheck source=/dev/null
source target/contract-env/env.sh

java_suite() {
  rm -rf contract-tests/target/surefire-reports
  ./mvnw -B --no-transfer-progress -pl contract-tests -am verify -Pcontract \
    -Dtest='*ContractTests' -Dsurefire.failIfNoSpecifiedTests=false
  local status=$?
  suite_details=$(surefire_counts contract-tests)
  return $status
}
run_suite "contract-tests (REST Assured, Java SDK)" java_suite

# Counts from node's TAP / vitest summaries for the summary line.
npm_suite() {
  local directory=$1 output status
  output=$(mktemp)
  (cd "$directory" && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee "$output"
  status=${PIPESTATUS[0]}
  suite_details=$(sed 's/\x1b\[[0-9;]*m//g' "$output" | grep -E '^\s*Tests\s+[0-9]|^# (pass|fail) ' | tr -s ' ' | paste -sd' ' -)
  rm -f "$output"
  return "$status"
}
run_suite "typescript-sdk (vitest)" npm_suite clients/typescript-sdk
run_suite "explorer (Playwright, Chromium)" npm_suite contract-tests/explorer

exit "$failed"
