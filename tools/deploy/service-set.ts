// Starts a distributed set as separate processes — `node dist/services/<name>/src/main.js`, as the image's CMD
// runs it — each with the environment the deployment files give it (deployment-files.ts), and stops them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, onLoopback, type DeployedSet, type LoopbackPlaces } from './deployment-files';

export interface RunningProcess {
  readonly service: string;
  readonly replica: number;
  readonly url: string;
  readonly env: Readonly<Record<string, string>>;
  child: ChildProcess;
  /** Everything it printed, stdout and stderr, newest last (bounded). */
  output(): string;
}

export interface RunningSet {
  readonly processes: readonly RunningProcess[];
  /** The first replica's URL of each service. */
  url(service: string): string;
  /** kill -9 (or another signal) one process, and wait until it is gone. */
  kill(process: RunningProcess, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped process again with the same environment and port. */
  restart(process: RunningProcess): Promise<void>;
  stop(): Promise<void>;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface StartSetOptions {
  readonly set: DeployedSet;
  readonly places: Omit<LoopbackPlaces, 'port'>;
  /** Replicas per service; default one each (the files' counts are in `set.replicas`). */
  readonly replicas?: ReadonlyMap<string, number>;
  /** Ports to use, in order, instead of free ones (the chaos run's fixed range). */
  readonly ports?: readonly number[];
  readonly readyWithinMs?: number;
  /** Only the log lines at or above this level; default as the files say (info). */
  readonly logLevel?: string;
}

export async function startSet(options: StartSetOptions): Promise<RunningSet> {
  const ports = [...(options.ports ?? [])];
  const processes: RunningProcess[] = [];
  for (const [service, fileEnv] of options.set.environments) {
    const count = options.replicas?.get(service) ?? 1;
    for (let replica = 1; replica <= count; replica++) {
      const port = ports.shift() ?? (await freeLoopbackPort());
      const env = onLoopback(fileEnv, { ...options.places, port });
      const entry = { service, replica, url: `http://127.0.0.1:${port}`, env } as RunningProcess;
      processes.push(entry);
    }
  }
  const launch = (entry: RunningProcess) => {
    let output = '';
    const child = spawn(process.execPath, [join(ROOT, 'dist/services', entry.env['SERVICE'] ?? entry.service, 'src/main.js')], {
      cwd: ROOT,
      // Only what the container would have, plus PATH for node itself: nothing leaks in from the test's shell.
      env: { PATH: process.env['PATH'] ?? '', ...entry.env, ...(options.logLevel ? { GONGZHI_LOG_LEVEL: options.logLevel } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    entry.child = child;
    entry.output = () => output;
  };
  processes.forEach(launch);
  const waitReady = async (entry: RunningProcess) => {
    const deadline = Date.now() + (options.readyWithinMs ?? 120_000);
    for (;;) {
      if (entry.child.exitCode !== null)
        throw new Error(`${entry.service} exited with ${entry.child.exitCode}:\n${entry.output().slice(-4000)}`);
      const ready = await fetch(`${entry.url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`${entry.service} not ready within the deadline:\n${entry.output().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
  const running: RunningSet = {
    processes,
    url: (service) => {
      const found = processes.find((p) => p.service === service);
      if (!found) throw new Error(`no ${service} in the set`);
      return found.url;
    },
    async kill(entry, signal = 'SIGKILL') {
      entry.child.kill(signal);
      await exited(entry.child);
    },
    async restart(entry) {
      launch(entry);
      await waitReady(entry);
    },
    async stop() {
      await Promise.all(
        processes.map(async (entry) => {
          entry.child.kill('SIGTERM');
          const timer = setTimeout(() => entry.child.kill('SIGKILL'), 10_000);
          await exited(entry.child);
          clearTimeout(timer);
        }),
      );
    },
  };
  try {
    await Promise.all(processes.map(waitReady));
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
