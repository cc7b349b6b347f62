#!/usr/bin/env node
// Which Node.js runs the host (npm start, npm run bench:http): Node 24 when this machine's Node is older.
//
// The host answers the same requests in less CPU on Node 24 than on Node 20: in the HTTP bench (npm run bench:http,
// both on a loaded 2-core machine) commands took 1.5–1.6 ms of host CPU each instead of 1.9, reads 0.8–1.0 instead of
// 1.3, the mix 1.3–1.4 instead of 1.8; a bare /health 0.26 instead of 0.63. And Node 20 no longer gets security fixes.
// Node 24 comes from the npm registry as `npm test` gets it for its second run (tools/node24/node24.sh: the official
// binary, cached in .cache/node24, and better-sqlite3 built once for its ABI). GONGZHI_HOST_NODE=system keeps the host on the machine's Node; when
// Node 24 cannot be had (no registry, no compiler), the host runs on the machine's Node and says so.
//
//   import { hostNode } from './host-node.mjs'   → { path, args, env, version }
//   node tools/host-node.mjs                      → the same, as JSON on stdout (for the TypeScript tools)
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_24 = 24;

/** The node binary, the options it needs before the entry point, the environment it adds, and its version. */
export function hostNode({ log = (line) => console.error(line) } = {}) {
  const system = { path: process.execPath, args: [], env: {}, version: process.version };
  const choice = process.env.GONGZHI_HOST_NODE ?? 'auto';
  if (choice !== 'auto' && choice !== 'system') {
    throw new Error(`GONGZHI_HOST_NODE takes "auto" (Node 24 when the machine's is older) or "system", not "${choice}"`);
  }
  if (choice === 'system' || Number(process.versions.node.split('.')[0]) >= NODE_24) return system;
  try {
    // Fetches and builds only the first time; prints what it does to stderr.
    execFileSync('bash', [join(root, 'tools/node24/node24.sh'), 'ensure'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    log(
      `Node ${NODE_24} could not be set up (see above): the host runs on this machine's Node ${process.version}, at about twice the CPU per request.`,
    );
    return system;
  }
  const cache = process.env.GONGZHI_NODE24_CACHE ?? join(root, '.cache/node24');
  const path = join(cache, 'package/bin/node');
  return {
    path,
    // better-sqlite3 in node_modules is built for the machine's Node: this hook loads the build for Node 24's ABI.
    // Node 24 holds some 40 MB more than Node 20 for the same host (its peak under the HTTP bench read 405–430 MB
    // against Node 20's 354); a young generation of 4 MB semi-spaces brought it to 388 MB at the same CPU per request.
    args: ['--require', join(root, 'tools/node24/native-abi.cjs'), '--max-semi-space-size=4'],
    env: { GONGZHI_NATIVE_DIR: join(cache, 'native') },
    version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${JSON.stringify(hostNode())}\n`);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
