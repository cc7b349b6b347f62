#!/usr/bin/env bash
# The whole test run, as README.md and .ci/run give it: lint (with the Nx module boundaries), type
# check, the deployment files, then every jest suite. The integration tier starts a real PostgreSQL
# server and a real Kafka broker itself (tools/jest/global-setup.ts); this script makes sure what they
# need is on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false

step() { printf '\n== %s\n' "$*"; }

step "prerequisites"
bash tools/ensure-prerequisites.sh
[ "${GONGZHI_TEST_NODE24:-1}" = 0 ] || bash tools/node24/node24.sh ensure

step "lint (eslint + @nx/enforce-module-boundaries, prettier)"
npx eslint . --max-warnings=0
npx prettier --check . --log-level warn && echo "every source file is in prettier's shape (npm run format fixes one that is not)"

step "type check"
npx tsc -p tsconfig.json --noEmit
# The browser app is .tsx under its own settings (JSX, the DOM); the root check does not see it.
npx tsc -p services/web/tsconfig.json --noEmit

step "docker compose config"
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
"${compose[@]}" -f docker-compose.yml config -q && echo "docker-compose.yml is valid"

step "unit tier with the machine's clock 400 days ahead (no spec may depend on today's date)"
faketime -f '+400d' node -e "console.log('clock seen by the specs: ' + new Date().toISOString())"
faketime -f '+400d' npx jest --ci --selectProjects unit

step "jest on the machine's Node $(node -v) (unit, integration on real PostgreSQL and Kafka)"
# --forceExit: a handle a suite forgot (global-teardown names it) must never hold CI until its time limit.
npx jest --ci --forceExit "$@"

# Node 20 is past its end of life; users run 22 and 24, so every suite runs on 24 as well (about as long
# as the run above). GONGZHI_TEST_NODE24=0 skips it for a quick local run.
if [ "${GONGZHI_TEST_NODE24:-1}" != 0 ]; then
  step "jest again on Node 24 (tools/node24/node24.sh)"
  bash tools/node24/node24.sh run npx jest --ci --forceExit "$@"
fi
