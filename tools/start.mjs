#!/usr/bin/env node
// npm start: the all-in-one host on the embedded default (SQLite, in-process bus), data under .data/.
// Builds the web app first when dist/web is missing, and compiles the services (dist/) each time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { hostNode } from './host-node.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/web/index.html'))) {
  console.log('Building the web app (once) …');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'services/web/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
// The host's V8 heap grows with the request rate, not with what it holds (about 130 MB live for the district demo
// city under load): capped, it collects sooner and the host stays within a small machine's memory. A bigger city
// raises GONGZHI_MAX_HEAP_MB. The same default is in tools/bench/http-bench-settings.ts.
const heapMb = process.env.GONGZHI_MAX_HEAP_MB || '256';
if (!/^\d+$/.test(heapMb) || Number(heapMb) < 128) {
  console.error(`GONGZHI_MAX_HEAP_MB takes the host's heap limit in MB, a whole number from 128, not "${heapMb}"`);
  process.exit(2);
}
// The host's Node: Node 24, fetched from the npm registry once when the machine's is older (tools/host-node.mjs).
// Settled before the compile, so a wrong GONGZHI_HOST_NODE is refused at once.
let node;
try {
  node = hostNode();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
// glibc gives each thread that allocates (V8's and libuv's) its own malloc arena; two hold the host's native memory
// in about 30 MB less under load, at no cost measured in CPU per request.
process.env.MALLOC_ARENA_MAX ??= '2';
// The host runs compiled (npm run build: tsc into dist/, incremental, a few seconds when little changed) rather than
// through the on-the-fly TypeScript loader, which alone holds about 90 MB (the TypeScript compiler) for the life of
// the process and compiles every file again at each start.
console.log('Compiling the services (npm run build) …');
execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`Starting the host on Node ${node.version} …`);
const host = spawn(node.path, [...node.args, `--max-old-space-size=${heapMb}`, join(root, 'dist/services/all-in-one/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...node.env },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
