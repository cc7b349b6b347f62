#!/usr/bin/env bash
# npm run fuzz:openapi: schemathesis (every check) against the all-in-one host on a fresh temporary data
# folder, once without a token, once with a demo admin's token and once with a demo resident's (the
# routes of one's own points, ballots and reports). Exits non-zero on any failure.
#
# Bounded: each run stops after FUZZ_MAX_TIME seconds (default 60) and FUZZ_MAX_EXAMPLES cases per
# operation (default 15). The seed is fixed (FUZZ_SEED, default 1) so a run repeats; pass another to explore.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tools/fuzz"
venv="$here/.venv"
schemathesis_version="4.32.5"
max_time="${FUZZ_MAX_TIME:-60}"
max_examples="${FUZZ_MAX_EXAMPLES:-15}"
seed="${FUZZ_SEED:-1}"

if [[ ! -x "$venv/bin/st" ]] || [[ "$("$venv/bin/st" --version 2>/dev/null)" != *"$schemathesis_version"* ]]; then
  echo "Installing schemathesis $schemathesis_version into $venv …"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

data="$(mktemp -d "${TMPDIR:-/tmp}/gongzhi-fuzz-XXXXXX")"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
host_pid=""
stop_host() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop_host EXIT

echo "Starting the host on $base (data in $data) …"
PORT="$port" GONGZHI_DATA_DIR="$data" GONGZHI_LOG_LEVEL="${GONGZHI_LOG_LEVEL:-warn}" \
  node "$root/tools/run-ts.mjs" "$root/services/all-in-one/src/main.ts" >"$data/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 120); do
  grep -q 'is running' "$data/host.log" 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || { cat "$data/host.log"; echo "The host exited before it was ready" >&2; exit 1; }
  sleep 1
done
grep -q 'is running' "$data/host.log" || { cat "$data/host.log"; echo "The host was not ready within 120 s" >&2; exit 1; }

# The built-in issuer's demo accounts (created on a fresh data folder).
token_of() {
  curl -sf -X POST "$base/api/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"demo-$1\",\"password\":\"demo-$1-2026\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}
admin_token="$(token_of admin)"
resident_token="$(token_of resident)"

# One worker: with several, hypothesis 6 can trip over its own lambda-source cache ("AST constructor
# recursion depth mismatch"), an error of the tool that would fail the run without a finding.
run() {
  local label="$1"
  shift
  echo
  echo "=== schemathesis, $label (seed $seed) ==="
  local code=0
  (cd "$here" && "$venv/bin/st" --config-file "$here/schemathesis.toml" run "$base/docs-json" \
    --checks all --max-examples "$max_examples" --max-time "$max_time" --seed "$seed" \
    --workers 1 --request-timeout 10 --no-color "$@") | tee "$data/run.txt" || code=1
  summaries+=("$label: $(grep -E '^=+ .* in [0-9.]+s =+$' "$data/run.txt" | tail -n 1 | tr -d '=' | xargs)")
  return "$code"
}

status=0
summaries=()
run "without a token" || status=1
run "with a demo admin's token" -H "Authorization: Bearer $admin_token" || status=1
run "with a demo resident's token" -H "Authorization: Bearer $resident_token" || status=1

if grep -q '"level":"error"\|ERROR' "$data/host.log"; then
  echo
  echo "The host logged errors during the run:" >&2
  grep '"level":"error"\|ERROR' "$data/host.log" | head -20 >&2
  status=1
fi
echo
printf 'fuzz:openapi, %s\n' "${summaries[@]}"
exit "$status"
