#!/usr/bin/env bash
# Mints a demo JWT signed by the embedded issuer's key (the server creates it on first start in
# ./data/identity/signing-key.pem; this script creates it too if the server has not run yet).
# Only for the embedded default: in production tokens come from your OIDC provider.
#
#   scripts/mint-token.sh ROLE[,ROLE...] [TENANT] [SUBJECT] [LIFETIME_SECONDS]
#   scripts/mint-token.sh ADMIN                 # an admin of the demo tenant, valid 12 hours
#   scripts/mint-token.sh FINANCE,ANALYST acme alice 3600
#
# Roles: ADMIN AUDITOR ANALYST FINANCE SALES_OPS MANAGER REP BUYER VALIDATOR VENDOR EXTERNAL_VIEWER PARTNER
set -euo pipefail

roles=${1:?usage: scripts/mint-token.sh ROLE[,ROLE...] [TENANT] [SUBJECT] [LIFETIME_SECONDS]}
tenant=${2:-demo}
subject=${3:-demo-$(echo "$roles" | tr 'A-Z,' 'a-z-')}
lifetime=${4:-43200}
data_dir=${PERFORMANCEOS_DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/data}
key=${PERFORMANCEOS_SECURITY_EMBEDDED_KEY_PATH:-$data_dir/identity/signing-key.pem}
issuer=${PERFORMANCEOS_SECURITY_EMBEDDED_ISSUER:-performanceos-embedded}

known="ADMIN AUDITOR ANALYST FINANCE SALES_OPS MANAGER REP BUYER VALIDATOR VENDOR EXTERNAL_VIEWER PARTNER"
for role in ${roles//,/ }; do
  case " $known " in *" $role "*) ;; *) echo "unknown role: $role (one of: $known)" >&2; exit 2 ;; esac
done
[[ "$tenant" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || { echo "tenant must be 1-64 letters, digits, _ or -" >&2; exit 2; }
[[ "$lifetime" =~ ^[0-9]+$ ]] || { echo "lifetime must be a number of seconds" >&2; exit 2; }

if [ ! -f "$key" ]; then
  mkdir -p "$(dirname "$key")"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null)
  echo "created signing key $key" >&2
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
roles_json=$(printf '"%s",' ${roles//,/ }); roles_json="[${roles_json%,}]"
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","sub":"%s","tenant":"%s","roles":%s,"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$subject" "$tenant" "$roles_json" "$now" "$((now + lifetime))" "$(openssl rand -hex 16)" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
