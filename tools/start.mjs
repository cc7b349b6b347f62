#!/usr/bin/env node
// npm start: the all-in-one host on the embedded default (SQLite, in-process bus), data under .data/.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.argv = [process.argv[0], resolve(root, 'tools/run-ts.mjs'), resolve(root, 'services/all-in-one/src/main.ts')];
await import('./run-ts.mjs');
