// Preloaded (NODE_OPTIONS=--require) into every process of a run on a second Node.js major. node_modules
// holds better-sqlite3 built for the machine's Node; its native addon cannot load into another ABI, and
// node_modules is shared, so the build for this ABI lives beside it (tools/node24/node24.sh builds it) and
// this hook loads that one instead. Only the better-sqlite3 addon is redirected: every other native
// dependency (@swc/core, sharp) uses Node-API, which is stable across majors.
'use strict';
const { existsSync } = require('node:fs');
const { join, sep } = require('node:path');

const dir = process.env.GONGZHI_NATIVE_DIR;
const addon = `${sep}better-sqlite3${sep}build${sep}Release${sep}better_sqlite3.node`;
const rebuilt = dir && join(dir, `abi-${process.versions.modules}`, 'better_sqlite3.node');

if (rebuilt && existsSync(rebuilt)) {
  const dlopen = process.dlopen;
  process.dlopen = function dlopenForThisAbi(module, filename, ...rest) {
    return dlopen.call(this, module, filename.endsWith(addon) ? rebuilt : filename, ...rest);
  };
}
