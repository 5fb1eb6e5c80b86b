#!/usr/bin/env bash
# Installs what the test suite needs that is not embedded in the build, from Debian packages: the
# ClickHouse server (18.16) and Chromium (the explorer's browser test, contract-tests/explorer,
# drives /usr/bin/chromium; Playwright never downloads a browser of its own). PostgreSQL (zonky)
# and Redis (embedded-redis) come from Maven Central and start in-process; the tests start
# ClickHouse themselves from the installed binary.
set -euo pipefail

sudo=""
apt_updated=""

# Installs Debian packages as root, or through sudo; apt-get update runs once at most.
apt_install() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    command -v sudo >/dev/null || { echo "error: installing $* needs root or sudo" >&2; exit 1; }
    sudo="sudo"
  fi
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated="yes"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if [ -x /usr/sbin/clickhouse-server ]; then
  echo "ClickHouse server already installed: /usr/sbin/clickhouse-server"
else
  echo "Installing clickhouse-server and clickhouse-client from Debian packages (apt-get)..."
  apt_install clickhouse-server clickhouse-client
  echo "ClickHouse installed: $(dpkg-query -W -f='${Version}' clickhouse-server)"
fi

if [ -x /usr/bin/chromium ]; then
  echo "Chromium already installed: /usr/bin/chromium"
else
  echo "Installing chromium from Debian packages (apt-get)..."
  apt_install chromium
  echo "Chromium installed: $(dpkg-query -W -f='${Version}' chromium)"
fi

# Node.js 20+ builds the explorer bundle and runs the SDK, gate and browser tests. Debian 12 only
# packages Node 18, and the machines reach no other Node distribution, so it must be there already
# (it is on the project's build machines; the GitHub workflow uses actions/setup-node).
node_major=$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p')
if [ -z "$node_major" ] || [ "$node_major" -lt 20 ] || ! command -v npm >/dev/null; then
  echo "error: Node.js 20+ with npm is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
echo "Node.js $(node --version) and npm $(npm --version) found"
