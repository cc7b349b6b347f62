#!/usr/bin/env node
// npm run build: compiles libs and services to dist/ (tsc keeps decorator metadata), then points the
// `@gongzhi/*` path aliases in the emitted JavaScript at the compiled files, so that
// `node dist/services/<name>/src/main.js` runs with no loader.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

const paths = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;
const targets = Object.fromEntries(Object.entries(paths).map(([alias, [file]]) => [alias, join(dist, file.replace(/\.ts$/, '.js'))]));

let rewritten = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js')) rewrite(path);
  }
};
const rewrite = (file) => {
  const source = readFileSync(file, 'utf8');
  const output = source.replace(/require\("(@gongzhi\/[a-z0-9-]+)"\)/g, (whole, alias) => {
    const target = targets[alias];
    if (!target) return whole;
    let specifier = relative(dirname(file), target).replace(/\\/g, '/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    return `require("${specifier}")`;
  });
  if (output !== source) {
    writeFileSync(file, output);
    rewritten++;
  }
};
walk(dist);
console.log(`built into dist/ (${rewritten} files with workspace imports resolved)`);
