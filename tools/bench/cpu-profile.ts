import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export interface RunningProfile {
  stop(): Promise<void>;
}

/** A V8 CPU profile of this process from now until `stop`, written to `<dir>/<name>.cpuprofile`; a no-op without a dir. */
export async function startProfile(dir: string, name: string): Promise<RunningProfile> {
  if (!dir) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`  cpu profile: ${file}`);
    },
  };
}
