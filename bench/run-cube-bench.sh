#!/usr/bin/env bash
# Cube benchmark: `ledgerCube` by account × month over 10,000,000 journal lines, on ClickHouse and
# on DuckDB, timed through GraphQL beside the exact SQL the cube service sends (captured from the
# server's DEBUG log), alternating the two in one run; prints medians, p90, spread and the
# GraphQL/raw ratio per engine. Results in bench/README.md.
#
# The facts are written straight into the analytics table the server's projection fills (TSV over
# HTTP for ClickHouse, the Appender for DuckDB), bypassing the outbox: 10M lines through the API
# would take hours. The 50 accounts they reference are created through GraphQL.
#
#   bench/run-cube-bench.sh                                   # both engines, 10M lines, 5 + 20 rounds
#   FACT_LINES=1000000 ROUNDS=10 ENGINES=duckdb bench/run-cube-bench.sh
#   PROFILE=/tmp/cube-jfr bench/run-cube-bench.sh             # also a JFR recording of the server per engine there
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
[ -x /usr/sbin/clickhouse-server ] || { echo "clickhouse-server is missing: apt-get install -y clickhouse-server" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing (used to find free ports)" >&2; exit 1; }

fact_lines=${FACT_LINES:-10000000}; rounds=${ROUNDS:-20}; warmups=${WARMUPS:-5}
port=${SERVER_PORT:-18085}; tenant=${TENANT:-cubebench}; engines=${ENGINES:-clickhouse duckdb}
# A second, small tenant with the same 1,800 cells warms the JIT of both sides (WARM_CALLS calls of
# each) before the measured tenant's rounds: those are too slow to be run hundreds of times.
warm_tenant=${WARM_TENANT:-cubewarm}; warm_lines=${WARM_LINES:-100000}; warm_calls=${WARM_CALLS:-200}
work=$(mktemp -d /tmp/cube-bench.XXXXXX); chmod 755 "$work"
server_pid=""; clickhouse_pid=""

stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}
# runuser keeps the ClickHouse server as its child: signal that child by its id, then runuser.
stop_clickhouse() {
  if [ -n "$clickhouse_pid" ]; then
    kill $(ps -o pid= --ppid "$clickhouse_pid") "$clickhouse_pid" 2>/dev/null || true
    wait "$clickhouse_pid" 2>/dev/null || true; clickhouse_pid=""
  fi
}
cleanup() { stop_server; stop_clickhouse; [ -n "${KEEP_WORK:-}" ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

./mvnw -B -q --no-transfer-progress -DskipTests package -pl server,bench/cube-bench -am
server_jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
bench_jar=$(ls bench/cube-bench/target/performance-os-bench-cube-*.jar | grep -v original | head -n 1)
bench() { java -Xms256m -Xmx1g -jar "$bench_jar" "$@"; }

start_clickhouse() {
  local dir=$work/clickhouse
  clickhouse_port=$(free_port)
  mkdir -p "$dir/log"
  # Caches sized for a 10M-line table; the test suite's server (ClickHouseTestServer) keeps them small.
  cat >"$dir/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$clickhouse_port</http_port><tcp_port>$(free_port)</tcp_port><interserver_http_port>$(free_port)</interserver_http_port>
  <path>$dir/data/</path><tmp_path>$dir/tmp/</tmp_path><user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config><default_database>default</default_database><timezone>UTC</timezone>
  <mark_cache_size>536870912</mark_cache_size><uncompressed_cache_size>536870912</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
EOF
  cat >"$dir/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows>
    <read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
  chown -R clickhouse:clickhouse "$dir"
  runuser -u clickhouse -- /usr/sbin/clickhouse-server --config-file="$dir/config.xml" >"$dir/stdout.log" 2>&1 &
  clickhouse_pid=$!
  for _ in $(seq 1 120); do [ "$(curl -s "http://127.0.0.1:$clickhouse_port/ping")" = "Ok." ] && return; sleep 0.5; done
  echo "ClickHouse did not start; see $dir/log" >&2; exit 1
}

# Every cube call reaches the engine (cache off); the server logs each cube statement and the time
# its store took (command-line arguments: environment variables would lower-case the class names);
# one token drives every call, so the per-client bucket is given a rate no run reaches (its Redis
# round trips remain).
start_server() {
  local engine=$1 analytics profile=""
  if [ "$engine" = clickhouse ]; then analytics="PERFORMANCEOS_ANALYTICS_CLICKHOUSE_URL=http://127.0.0.1:$clickhouse_port"
  else analytics="PERFORMANCEOS_ANALYTICS_DUCKDB_PATH=$work/data/analytics.duckdb"; fi
  [ -n "${PROFILE:-}" ] && mkdir -p "$PROFILE" && profile="-XX:StartFlightRecording=filename=$PROFILE/cube-$engine.jfr,settings=profile,dumponexit=true"
  env PORT="$port" PERFORMANCEOS_DATA_DIR="$work/data" PERFORMANCEOS_DEMO_ENABLED=false "$analytics" \
    PERFORMANCEOS_LEDGER_CUBE_CACHE_TTL=0 \
    PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000 \
    java -Xms1g -Xmx2g $profile -jar "$server_jar" --logging.level.com.performanceos.platform.analytics.CubeSqlRenderer=DEBUG \
    --logging.level.com.performanceos.ledger.cube.LedgerCubeService=DEBUG >>"$work/server-$engine.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && return; sleep 0.5; done
  echo "The server did not become healthy; last log lines:" >&2; tail -n 30 "$work/server-$engine.log" >&2; exit 1
}

ensure_accounts() {
  token=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh FINANCE,ANALYST "$tenant" bench)
  warm_token=$(PERFORMANCEOS_DATA_DIR=$work/data scripts/mint-token.sh FINANCE,ANALYST "$warm_tenant" bench)
  [ -f "$work/accounts.tsv" ] || bench accounts --graphql "http://127.0.0.1:$port/graphql" --token "$token" --out "$work/accounts.tsv"
  [ -f "$work/warm-accounts.tsv" ] || bench accounts --graphql "http://127.0.0.1:$port/graphql" --token "$warm_token" \
    --out "$work/warm-accounts.tsv"
}

measure() {
  local engine=$1; shift
  echo "load before measuring $engine: $(uptime)"
  bench measure --engine "$engine" "$@" --server-log "$work/server-$engine.log" --graphql "http://127.0.0.1:$port/graphql" \
    --token "$token" --lines "$fact_lines" --warmups "$warmups" --rounds "$rounds" \
    --tenant "$tenant" --warm-token "$warm_token" --warm-tenant "$warm_tenant" --warm-calls "$warm_calls"
  echo "load after measuring $engine: $(uptime)"
}

seconds() { date +%s; }
echo "cube benchmark $(date -u +%Y-%m-%dT%H:%MZ): $fact_lines lines, $warmups warm-up + $rounds rounds; $(nproc) cores; $(java -version 2>&1 | head -n 1)"
for engine in $engines; do
  case "$engine" in
    clickhouse)
      start_clickhouse; start_server clickhouse; ensure_accounts
      start=$(seconds)
      bench load-clickhouse --clickhouse "http://127.0.0.1:$clickhouse_port" --tenant "$warm_tenant" \
        --accounts "$work/warm-accounts.tsv" --lines "$warm_lines"
      bench load-clickhouse --clickhouse "http://127.0.0.1:$clickhouse_port" --tenant "$tenant" \
        --accounts "$work/accounts.tsv" --lines "$fact_lines"
      echo "clickhouse: loaded and merged in $(( $(seconds) - start )) s; on disk: $(du -sh "$work/clickhouse/data" | cut -f1)"
      measure clickhouse --clickhouse "http://127.0.0.1:$clickhouse_port"
      stop_server; stop_clickhouse ;;
    duckdb)
      # The server creates the table (and its primary key) on start; DuckDB then needs it stopped to write.
      start_server duckdb; ensure_accounts; stop_server
      start=$(seconds)
      bench load-duckdb --duckdb "$work/data/analytics.duckdb" --tenant "$warm_tenant" --accounts "$work/warm-accounts.tsv" \
        --lines "$warm_lines"
      bench load-duckdb --duckdb "$work/data/analytics.duckdb" --tenant "$tenant" --accounts "$work/accounts.tsv" \
        --lines "$fact_lines"
      cp "$work/data/analytics.duckdb" "$work/raw-copy.duckdb"
      echo "duckdb: loaded in $(( $(seconds) - start )) s; file: $(du -sh "$work/raw-copy.duckdb" | cut -f1)"
      start_server duckdb
      measure duckdb --duckdb "$work/raw-copy.duckdb"
      stop_server ;;
    *) echo "unknown engine $engine (clickhouse or duckdb)" >&2; exit 2 ;;
  esac
done
