#!/usr/bin/env bash
# The schema compatibility gate (tools/schema-gate): its own tests, then checks that
# api-schema/schema.graphql is the print of api-schema/*.graphqls, then compares
# api-schema/*.graphqls with the newest api-schema/released/<version>.graphql and fails on a
# breaking change that was not deprecated in that release. Exits non-zero on any failure.
#   scripts/schema-gate.sh           run the gate (scripts/test.sh calls this)
#   scripts/schema-gate.sh --print   print api-schema/*.graphqls into api-schema/schema.graphql
set -euo pipefail
cd "$(dirname "$0")/../tools/schema-gate"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "error: the schema gate needs $tool (Node.js 20+): apt-get install -y nodejs npm" >&2; exit 1; }
done
npm ci --no-audit --no-fund --loglevel=error >/dev/null

case "${1:-}" in
  --print)
    exec node src/cli.mjs print
    ;;
  "")
    npm test --silent
    node src/cli.mjs check-printed
    node src/cli.mjs gate
    ;;
  *)
    echo "usage: scripts/schema-gate.sh [--print]" >&2
    exit 2
    ;;
esac
