/**
 * node tools/run-ts.mjs tools/bench/history-bench.ts [-- --days 90 --cpu-prof-dir /tmp/prof]
 *
 * What the first start in demo mode costs: builds the demo city's history into a fresh data folder, in this
 * process, exactly as `npm start` does before it listens, and prints the CPU time (user + system) the build
 * took beside the wall time. CPU time is the figure to compare on a shared machine; wall time follows the load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProcessConfiguration } from '@gongzhi/runtime';
import { DemoClock } from '../../services/all-in-one/src/demo/demo-clock';
import { buildDemoHistoryOnce } from '../../services/all-in-one/src/demo/history/build-demo-history';
import { SERVICES } from '../../services/all-in-one/src/services';
import { startProfile } from './cpu-profile';

const argv = process.argv.slice(2);
const option = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);

async function main(): Promise<void> {
  const days = Number(option('--days') ?? process.env.GONGZHI_DEMO_HISTORY_DAYS ?? 90);
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-history-bench-'));
  const env = { ...process.env, GONGZHI_MODE: 'embedded', GONGZHI_DATA_DIR: dataDir, GONGZHI_DEMO_DATA: 'true' };
  const { platform: config, edge, services: settings } = loadProcessConfiguration(SERVICES, env);
  const clock = DemoClock.open(config.dataDir);
  // The same end instant every run, so every run builds the same city.
  const until = new Date(option('--until') ?? '2026-12-01T12:00:00Z');
  const profile = await startProfile(option('--cpu-prof-dir') ?? process.env.GONGZHI_BENCH_CPU_PROF_DIR ?? '', `history-${days}d`);
  const cpu = process.cpuUsage();
  const started = Date.now();
  try {
    await buildDemoHistoryOnce({ config, edge, services: SERVICES, settings, env, clock, log: console.log, days, until });
    const used = process.cpuUsage(cpu);
    const seconds = (Date.now() - started) / 1000;
    await profile.stop();
    console.log(
      `history_bench days=${days} wall_s=${seconds.toFixed(1)} cpu_s=${((used.user + used.system) / 1e6).toFixed(1)} ` +
        `user_s=${(used.user / 1e6).toFixed(1)} system_s=${(used.system / 1e6).toFixed(1)}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
