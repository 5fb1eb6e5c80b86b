#!/usr/bin/env bash
# The environment the contract tests (and the SDK and explorer suites) run against, every process
# on 127.0.0.1 and on free ports:
#   - Keycloak (the distribution from Maven Central) importing docker/keycloak/performance-os-realm.json,
#   - WireMock standing in for the bank aggregator,
#   - the built server jar as a separate process, on embedded PostgreSQL/Redis/DuckDB with a fresh data
#     directory, trusting only that Keycloak, with a 2-second clock skew.
#
#   scripts/contract-env.sh start   # starts everything, prints `export ...` lines (also in target/contract-env/env.sh)
#   scripts/contract-env.sh stop    # stops what start started; logs stay in target/contract-env/
#
#   eval "$(scripts/contract-env.sh start)"   # then PERFORMANCEOS_URL, PERFORMANCEOS_TOKEN, ... are set
#
# Variables exported: PERFORMANCEOS_URL, PERFORMANCEOS_TOKEN (acme ADMIN), PERFORMANCEOS_THROTTLE_TOKEN
# (another acme ADMIN, only for throttling tests), KEYCLOAK_URL, KEYCLOAK_REALM, KEYCLOAK_ISSUER, WIREMOCK_URL.
# Timeouts (seconds) can be raised on slow machines: CONTRACT_KEYCLOAK_TIMEOUT (default 420),
# CONTRACT_SERVER_TIMEOUT (default 420).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/target/contract-env"
cache="$root/.cache"

log() { echo "[contract-env] $*" >&2; }

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -n 1; }

# A free port outside the ranges other engineers use (18081-18085) and the kernel's ephemeral range.
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! grep -qx "$port" "$state/ports" 2>/dev/null; then
      echo "$port" >> "$state/ports"
      echo "$port"
      return 0
    fi
  done
  log "no free port found"; return 1
}

# Starts a command in its own session (so stop can end its whole process group) with its log.
launch() {
  local name=$1; shift
  setsid "$@" > "$state/$name.log" 2>&1 < /dev/null &
  echo $! > "$state/$name.pid"
}

wait_for() {
  local name=$1 url=$2 timeout=$3 pattern=${4:-}
  local started=$SECONDS body
  while (( SECONDS - started < timeout )); do
    if ! kill -0 "$(cat "$state/$name.pid")" 2>/dev/null; then
      log "$name exited during start-up"; return 1
    fi
    if body=$(curl -sf --max-time 5 "$url" 2>/dev/null) && [[ -z "$pattern" || "$body" == *"$pattern"* ]]; then
      log "$name ready after $(( SECONDS - started ))s"
      return 0
    fi
    sleep 1
  done
  log "$name not ready after ${timeout}s ($url)"; return 1
}

dump_logs() {
  for file in "$state"/*.log; do
    [ -f "$file" ] || continue
    echo "----- last 60 lines of $file -----" >&2
    tail -n 60 "$file" >&2
  done
}

ensure_keycloak() {
  local version home zip
  version=$(pom_property keycloak.version)
  home="$cache/keycloak-$version"
  if [ ! -x "$home/bin/kc.sh" ]; then
    log "fetching Keycloak $version from Maven Central (once, into $cache)"
    mkdir -p "$cache/downloads"
    ./mvnw -B -q --no-transfer-progress dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$cache/downloads" >&2
    zip="$cache/downloads/keycloak-quarkus-dist-$version.zip"
    rm -rf "$cache/keycloak-unpack" && mkdir -p "$cache/keycloak-unpack"
    (cd "$cache/keycloak-unpack" && unzip -q "$zip")
    mv "$cache/keycloak-unpack/keycloak-$version" "$home"
    rm -rf "$cache/keycloak-unpack" "$zip"
  fi
  echo "$home"
}

ensure_wiremock() {
  local version jar
  version=$(pom_property wiremock.version)
  jar="$cache/wiremock-standalone-$version.jar"
  if [ ! -f "$jar" ]; then
    log "fetching WireMock $version from Maven Central (once, into $cache)"
    mkdir -p "$cache"
    ./mvnw -B -q --no-transfer-progress dependency:copy \
      -Dartifact="org.wiremock:wiremock-standalone:$version" -DoutputDirectory="$cache" >&2
  fi
  echo "$jar"
}

server_jar() {
  ls server/target/performance-os-server-*.jar 2>/dev/null | grep -v -- '-original' | head -n 1 || true
}

# Builds the server jar when there is none or when its sources or the schema changed since.
ensure_server_jar() {
  local jar
  jar=$(server_jar)
  if [ -z "$jar" ] || [ -n "$(find server/src server/pom.xml api-schema pom.xml -newer "$jar" -type f -print -quit)" ]; then
    log "building the server jar (./mvnw -pl server -am package -DskipTests)"
    ./mvnw -B -q --no-transfer-progress -DskipTests package -pl server -am >&2
    jar=$(server_jar)
  fi
  [ -n "$jar" ] || { log "no server jar in server/target"; return 1; }
  echo "$root/$jar"
}

# The password flow of a realm user (docker/keycloak/performance-os-realm.json holds the same credentials).
password_token() {
  local response token
  response=$(curl -sf --max-time 30 "$KEYCLOAK_ISSUER/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=performance-os-cli --data-urlencode "username=$1" --data-urlencode "password=$2") \
    || { log "Keycloak refused a token for $1"; return 1; }
  token=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { log "no access_token in Keycloak's answer for $1"; return 1; }
  echo "$token"
}

stop_process() {
  local name=$1 pid
  [ -f "$state/$name.pid" ] || return 0
  pid=$(cat "$state/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop within 30s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$state/$name.pid"
}

stop() {
  [ -d "$state" ] || return 0
  for name in server keycloak wiremock; do stop_process "$name"; done
  if [ -f "$state/data-dir" ]; then
    rm -rf "$(cat "$state/data-dir")"
    rm -f "$state/data-dir"
  fi
  rm -f "$state/ports" "$state/env.sh"
  log "stopped; logs are in $state"
}

start() {
  stop
  rm -rf "$state" && mkdir -p "$state"
  # shellcheck source=java-home.sh
  source scripts/java-home.sh
  trap 'status=$?; if [ $status -ne 0 ]; then log "start failed"; dump_logs; stop; fi' EXIT

  local keycloak_home wiremock_jar jar data_dir keycloak_port wiremock_port server_port
  keycloak_home=$(ensure_keycloak)
  wiremock_jar=$(ensure_wiremock)
  jar=$(ensure_server_jar)
  keycloak_port=$(free_port)
  wiremock_port=$(free_port)
  server_port=$(free_port)

  # Keycloak: an in-memory database, so each run imports the realm into a fresh Keycloak.
  rm -rf "$keycloak_home/data"
  mkdir -p "$keycloak_home/data/import"
  cp docker/keycloak/performance-os-realm.json "$keycloak_home/data/import/"
  log "starting Keycloak on 127.0.0.1:$keycloak_port (20-60 s on an idle machine, longer when busy)"
  launch keycloak env JAVA_HOME="$JAVA_HOME" "$keycloak_home/bin/kc.sh" start-dev --http-host=127.0.0.1 \
    --http-port="$keycloak_port" --http-management-port="$(free_port)" --db=dev-mem --import-realm

  mkdir -p "$state/wiremock/mappings"
  cp contract-tests/src/test/resources/wiremock/mappings/*.json "$state/wiremock/mappings/"
  log "starting WireMock on 127.0.0.1:$wiremock_port"
  launch wiremock "$JAVA_HOME/bin/java" -Xmx256m -jar "$wiremock_jar" --bind-address 127.0.0.1 --port "$wiremock_port" \
    --root-dir "$state/wiremock" --max-request-journal-entries 10000 --disable-banner

  export KEYCLOAK_URL="http://127.0.0.1:$keycloak_port"
  export KEYCLOAK_REALM=performance-os
  export KEYCLOAK_ISSUER="$KEYCLOAK_URL/realms/$KEYCLOAK_REALM"
  export WIREMOCK_URL="http://127.0.0.1:$wiremock_port"
  wait_for wiremock "$WIREMOCK_URL/__admin/health" 120
  wait_for keycloak "$KEYCLOAK_ISSUER/.well-known/openid-configuration" "${CONTRACT_KEYCLOAK_TIMEOUT:-420}" '"issuer"'

  data_dir=$(mktemp -d "${TMPDIR:-/tmp}/performanceos-contract.XXXXXX")
  echo "$data_dir" > "$state/data-dir"
  log "starting the server $jar on 127.0.0.1:$server_port (data in $data_dir)"
  launch server env -u PERFORMANCEOS_POSTGRES_URL -u PERFORMANCEOS_REDIS_URL -u PERFORMANCEOS_ANALYTICS_CLICKHOUSE_URL \
    -u PERFORMANCEOS_SECURITY_JWK_SET_URI \
    PORT="$server_port" \
    PERFORMANCEOS_DATA_DIR="$data_dir" \
    PERFORMANCEOS_DEMO_ENABLED=false \
    PERFORMANCEOS_SECURITY_ISSUER_URI="$KEYCLOAK_ISSUER" \
    PERFORMANCEOS_SECURITY_TENANT_CLAIM=tenant \
    PERFORMANCEOS_SECURITY_ROLES_CLAIM=realm_access.roles \
    PERFORMANCEOS_SECURITY_CLOCK_SKEW=2s \
    PERFORMANCEOS_BANK_AGGREGATOR_BASE_URL="$WIREMOCK_URL/bank-aggregator" \
    PERFORMANCEOS_BANK_AGGREGATOR_POLLING_INTERVAL=2s \
    PERFORMANCEOS_BANK_AGGREGATOR_POLLING_OPEN_STATE_WAIT=5s \
    "$JAVA_HOME/bin/java" -Xmx2g -jar "$jar"
  export PERFORMANCEOS_URL="http://127.0.0.1:$server_port"
  wait_for server "$PERFORMANCEOS_URL/actuator/health" "${CONTRACT_SERVER_TIMEOUT:-420}" '"status":"UP"'

  export PERFORMANCEOS_TOKEN PERFORMANCEOS_THROTTLE_TOKEN
  PERFORMANCEOS_TOKEN=$(password_token acme-admin acme-admin-password)
  PERFORMANCEOS_THROTTLE_TOKEN=$(password_token acme-throttle acme-throttle-password)

  {
    for name in PERFORMANCEOS_URL PERFORMANCEOS_TOKEN PERFORMANCEOS_THROTTLE_TOKEN KEYCLOAK_URL KEYCLOAK_REALM \
        KEYCLOAK_ISSUER WIREMOCK_URL; do
      printf 'export %s=%q\n' "$name" "${!name}"
    done
  } > "$state/env.sh"
  trap - EXIT
  log "ready: server $PERFORMANCEOS_URL, Keycloak $KEYCLOAK_URL, WireMock $WIREMOCK_URL (logs in $state)"
  cat "$state/env.sh"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/contract-env.sh start|stop" >&2; exit 2 ;;
esac
