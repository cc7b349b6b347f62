import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

export interface HostProcess {
  readonly process: ChildProcess;
  /** Everything the host printed so far, stdout and stderr together. */
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/**
 * Starts the all-in-one host in a child process, as `npm start` does but from its TypeScript source (so a spec needs no
 * build first), and resolves once it says it is running
 * — or once it exits, as a host refusing a bad setting does: check `process.exitCode`.
 */
export async function startHostProcess(env: Record<string, string>): Promise<HostProcess> {
  let output = '';
  const child = spawn(process.execPath, [join(root, 'tools/run-ts.mjs'), join(root, 'services/all-in-one/src/main.ts')], {
    cwd: root,
    // Without the demo city's months of history (minutes of work) unless a test asks for them.
    env: { ...process.env, GONGZHI_LOG_LEVEL: 'warn', GONGZHI_DEMO_HISTORY_DAYS: '0', ...env },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Gongzhi 共治 is running') && Date.now() < deadline) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, output: () => output, exited };
}
