import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The second test run (tools/test.sh on Node 24) loads better-sqlite3 built for Node 24's ABI from the cache,
// because node_modules holds the build for the machine's Node. These run a real Node process with the hook.

const hook = resolve(__dirname, 'native-abi.cjs');
const abi = process.versions.modules;
const openSqlite = "const Database = require('better-sqlite3'); new Database(':memory:').close(); console.log('opened')";

function runWithHook(nativeDir: string | undefined): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require "${hook}"` };
  if (nativeDir === undefined) delete env.GONGZHI_NATIVE_DIR;
  else env.GONGZHI_NATIVE_DIR = nativeDir;
  return run(env);
}

function runWithoutHook(): string {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.GONGZHI_NATIVE_DIR;
  return run(env);
}

function run(env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(process.execPath, ['-e', openSqlite], { cwd: resolve(__dirname, '../..'), env, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
}

describe('the native addon hook of the Node 24 run', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'native-abi-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the addon built for this ABI from the cache, not the one in node_modules', () => {
    const planted = join(dir, 'planted', `abi-${abi}`);
    mkdirSync(planted, { recursive: true });
    // Not a shared object: if the hook redirects, loading fails and names the planted file.
    writeFileSync(join(planted, 'better_sqlite3.node'), 'not an addon');

    const output = runWithHook(join(dir, 'planted'));

    expect(output).toContain(join(planted, 'better_sqlite3.node'));
    expect(output).not.toContain('opened');
  });

  // Compared with a run without the hook rather than with 'opened': on Node 24 (the second test run) the
  // addon in node_modules is the machine's Node's build and cannot load at all.
  it('leaves node_modules’ addon in place when the cache has no build for this ABI', () => {
    mkdirSync(join(dir, 'other-abi', 'abi-1'), { recursive: true });
    writeFileSync(join(dir, 'other-abi', 'abi-1', 'better_sqlite3.node'), 'not an addon');
    const withoutHook = runWithoutHook();

    expect(runWithHook(join(dir, 'other-abi'))).toBe(withoutHook);
    expect(runWithHook(undefined)).toBe(withoutHook);
  });
});
