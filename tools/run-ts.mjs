#!/usr/bin/env node
// Runs a TypeScript entry point of this workspace (tools, benchmarks, deploy scripts) without a build:
// @swc-node/register compiles on the fly with decorator metadata and the tsconfig path aliases.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', resolve(entry), ...args], {
  stdio: 'inherit',
  cwd: process.cwd(),
  env: { ...process.env, TS_NODE_PROJECT: resolve(root, 'tsconfig.json'), SWC_NODE_PROJECT: resolve(root, 'tsconfig.json') },
});
process.exit(result.status ?? 1);
