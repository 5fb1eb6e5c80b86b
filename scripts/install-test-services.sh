#!/usr/bin/env bash
# Installs what the test suite needs that is not embedded in the build: the ClickHouse server
# (Debian's package, 18.16). PostgreSQL (zonky) and Redis (embedded-redis) come from Maven Central
# and start in-process; the tests start ClickHouse themselves from the installed binary.
set -euo pipefail

if [ -x /usr/sbin/clickhouse-server ]; then
  echo "ClickHouse server already installed: /usr/sbin/clickhouse-server"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: installing clickhouse-server needs root or sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing clickhouse-server and clickhouse-client from Debian packages (apt-get)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
echo "ClickHouse installed: $(dpkg-query -W -f='${Version}' clickhouse-server)"
