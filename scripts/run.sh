#!/usr/bin/env bash
# Builds the server and runs it. With no configuration it starts PostgreSQL and Redis in-process,
# keeps data (PostgreSQL, DuckDB analytics, the token signing key) in ./data, and seeds the `demo`
# tenant once. Production: set the PERFORMANCEOS_* variables listed in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -B -q --no-transfer-progress -DskipTests package
jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
echo "starting $jar on port ${PORT:-8080} (GraphiQL: http://localhost:${PORT:-8080}/graphiql)" >&2
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
