#!/usr/bin/env node
// npm start: the all-in-one host on the embedded default (SQLite, in-process bus), data under .data/.
// Builds the web app first when dist/web is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

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
process.argv = [process.argv[0], resolve(root, 'tools/run-ts.mjs'), resolve(root, 'services/all-in-one/src/main.ts')];
await import('./run-ts.mjs');
