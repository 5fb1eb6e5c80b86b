#!/usr/bin/env bash
# Builds the GraphiQL explorer into the given folder; the server build runs it in its
# generate-resources phase (server/pom.xml) with server/target/classes/graphiql.
# npm ci runs only when package-lock.json changed since the last install, and build.mjs skips
# the bundle when its inputs did not change, so a repeated or offline (`mvn -o`) build needs
# neither the npm registry nor time. --maven-offline=true (Maven's -o) makes npm ci take packages
# from its cache (~/.npm) only.
#   explorer/build.sh <output folder> [--maven-offline=true|false]
set -euo pipefail
output="${1:?usage: explorer/build.sh <output folder> [--maven-offline=true|false]}"
offline="false"
case "${2:-}" in
  --maven-offline=true) offline="true" ;;
  --maven-offline=false | "") ;;
  *) echo "error: unknown option $2 (usage: explorer/build.sh <output folder> [--maven-offline=true|false])" >&2; exit 2 ;;
esac
output="$(realpath -m "$output")"
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: building the GraphiQL explorer (explorer/) needs Node.js 20+ and npm on PATH, and '$tool' is missing." >&2
    echo "       Install them (Debian/Ubuntu: apt-get install -y nodejs npm) and build again." >&2
    exit 1
  fi
done
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "error: building the GraphiQL explorer (explorer/) needs Node.js 20+, found $(node --version)." >&2
  exit 1
fi

lock_digest="$(sha256sum package-lock.json | cut -d ' ' -f 1)"
installed_digest="$(cat node_modules/.explorer-lock.sha256 2>/dev/null || true)"
if [ "$lock_digest" != "$installed_digest" ]; then
  npm_mode=()
  if [ "$offline" = "true" ]; then
    npm_mode=(--offline)
  fi
  echo "Installing the explorer's npm packages (npm ci ${npm_mode[*]})..."
  npm ci --no-audit --no-fund --loglevel=error "${npm_mode[@]}"
  echo "$lock_digest" > node_modules/.explorer-lock.sha256
fi
exec node build.mjs "$output"
