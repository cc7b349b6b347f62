#!/usr/bin/env node
// Runs a TypeScript entry point of this workspace (the host, tools, benchmarks, deploy scripts) without a
// build: @swc-node/register compiles on the fly with decorator metadata and the tsconfig path aliases.
// Signals are passed on to the program, and its exit code is this process's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Node options may come before the entry point (`--max-semi-space-size=64`): they are the program's node's.
const given = process.argv.slice(2);
const entryAt = given.findIndex((arg) => !arg.startsWith('--'));
const nodeOptions = entryAt === -1 ? given : given.slice(0, entryAt);
const [entry, ...args] = given.slice(nodeOptions.length);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs [node options…] <file.ts> [args…]');
  process.exit(2);
}
const child = spawn(process.execPath, [...nodeOptions, '-r', '@swc-node/register', resolve(entry), ...args], {
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: resolve(root, 'tsconfig.json') },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
