#!/usr/bin/env bash
# Subscription fan-out: two server instances sharing one PostgreSQL and one Redis (instance A starts the
# embedded ones, B connects to them), SUBSCRIBERS subscribers of `cashPositionChanged` over graphql-transport-ws
# and SSE across TENANTS tenants, fed by WEBHOOKS signed bank webhooks at RATE per second. Prints lost,
# misdelivered, latency webhook-ack -> message, heap per idle subscriber and server CPU per delivered message.
# The load generator is bench/readpath/fanout.js (Node, installed with the read-path benchmark's packages).
#
#   bench/run-fanout-bench.sh                                    # 10,000 subscribers, 100 tenants, 10 % SSE
#   SUBSCRIBERS=2000 TENANTS=50 WEBHOOKS=200 RATE=10 bench/run-fanout-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

subscribers=${SUBSCRIBERS:-10000}; tenants=${TENANTS:-100}; sse_share=${SSE_SHARE:-0.1}
webhooks=${WEBHOOKS:-300}; rate=${RATE:-10}; settle=${SETTLE_SECONDS:-15}
port_a=${SERVER_PORT:-18088}; port_b=${SERVER_B_PORT:-18089}; heap=${HEAP:--Xms1g -Xmx2g}
(cd bench/readpath && npm ci --no-audit --no-fund --silent)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true  # 10,000 sockets need more than the usual 1,024 descriptors
work=$(mktemp -d)
pid_a=; pid_b=
trap 'kill $pid_a $pid_b 2>/dev/null; wait 2>/dev/null; grep -h -A3 " ERROR " "$work"/a.log "$work"/b.log 2>/dev/null | head -20; rm -rf "$work"' EXIT

if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q --no-transfer-progress -Dexplorer.skip=true -DskipTests -pl server package
  jar=$(ls server/target/performance-os-server-*.jar | grep -v original | head -n 1)
else
  jar=$JAR
fi
secret=$(openssl rand -hex 32)
# Every subscriber has its own token; the client and tenant buckets are opened wide so that subscribing (which takes the
# subscription's cost once) never throttles the ramp-up.
common="PERFORMANCEOS_DEMO_ENABLED=false PERFORMANCEOS_LIMITS_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_BUCKET_CAPACITY=10000000
  PERFORMANCEOS_LIMITS_TENANT_BUCKET_LEAK_PER_SECOND=10000000 PERFORMANCEOS_LIMITS_TENANT_BUCKET_CAPACITY=10000000
  PERFORMANCEOS_BANK_AGGREGATOR_WEBHOOK_SECRET=$secret PERFORMANCEOS_SECURITY_EMBEDDED_KEY_PATH=$work/a/identity/signing-key.pem"
env $common PORT=$port_a PERFORMANCEOS_DATA_DIR=$work/a java $heap -jar "$jar" >"$work/a.log" 2>&1 &
pid_a=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port_a/actuator/health" && break; sleep 0.5; done
pg_port=$(sed -n 's/.*started embedded PostgreSQL on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/a.log" | head -n 1)
redis_port=$(sed -n 's/.*started embedded Redis on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/a.log" | head -n 1)
[ -n "$pg_port" ] && [ -n "$redis_port" ] || { cat "$work/a.log" >&2; exit 1; }
# The instances of one deployment share their keys (token signing, IBAN encryption and pseudonyms): B reads A's.
mkdir -p "$work/b" && ln -s "$work/a/identity" "$work/b/identity"
env $common PORT=$port_b PERFORMANCEOS_DATA_DIR=$work/b PERFORMANCEOS_POSTGRES_URL=postgresql://127.0.0.1:$pg_port/postgres \
  PERFORMANCEOS_POSTGRES_USERNAME=pos_app PERFORMANCEOS_POSTGRES_PASSWORD=pos_app \
  PERFORMANCEOS_POSTGRES_MIGRATION_USERNAME=postgres PERFORMANCEOS_POSTGRES_MIGRATION_PASSWORD=postgres \
  PERFORMANCEOS_REDIS_URL=redis://127.0.0.1:$redis_port java $heap -jar "$jar" >"$work/b.log" 2>&1 &
pid_b=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port_b/actuator/health" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port_b/actuator/health" || { tail -50 "$work/b.log" >&2; exit 1; }

cat >"$work/config.json" <<JSON
{"servers": ["http://127.0.0.1:$port_a", "http://127.0.0.1:$port_b"], "pids": [$pid_a, $pid_b], "tenants": $tenants,
 "subscribers": $subscribers, "sseShare": $sse_share, "webhooks": $webhooks, "rate": $rate, "settleSeconds": $settle,
 "issuer": "performanceos-embedded", "webhookSecret": "$secret", "privateKeyPath": "$work/a/identity/signing-key.pem"}
JSON
echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; JVMs $heap"
(cd bench/readpath && node --max-old-space-size=4096 fanout.js "$work/config.json")
echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
