#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this script). It installs what the tests need
# that the build does not bring (ClickHouse and Chromium from Debian packages), then runs every
# module's tests against real PostgreSQL, Redis, ClickHouse and DuckDB, then the schema
# compatibility gate, then the contract suites (REST Assured, both SDKs, the explorer in Chromium)
# against the built server started as a separate process with a real Keycloak and WireMock.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
scripts/install-test-services.sh
echo "Running the test suite with $(java -version 2>&1 | head -n 1) (JAVA_HOME=$JAVA_HOME)"
./mvnw -B --no-transfer-progress verify "$@"
echo "Schema compatibility gate (scripts/schema-gate.sh)"
scripts/schema-gate.sh
echo "Contract suites (scripts/contract-tests.sh)"
scripts/contract-tests.sh
