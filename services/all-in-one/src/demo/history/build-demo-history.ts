import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { Account, IDENTITY_DATA_SOURCE, seedDemoAccounts, DEMO_ACCOUNTS, type DemoAccount } from '@gongzhi/identity';
import { applyEdgeProtections, type EdgeConfig, type Environment, type PlatformConfig } from '@gongzhi/platform';
import type { EmbeddedPlatform, HostedService, ServiceSettings } from '@gongzhi/runtime';
import { renderProgress } from '@gongzhi/projections';
import { createHostModule } from '../../host.module';
import { EMBEDDED_PLATFORM } from '../../host-lifecycle';
import type { DemoClock } from '../demo-clock';
import { DemoTimeline } from '../demo-timeline';
import { DemoClient } from './demo-client';
import { meetTheCity } from './meet-the-city';
import { SeededRandom } from './seeded-random';
import { PARTNER_STAFF } from './whistle-life';

export const DEMO_HISTORY_MARKER = 'demo-history.json';
const DAY = 86_400_000;
/** Timers falling due within an hour of each other fire together while the history is built. */
const TIMER_STEP_MS = 3_600_000;
/** 09:00, 14:00 and 19:00 in Shanghai. */
const SLOTS_UTC_HOURS = [1, 6, 11] as const;
const NEIGHBOUR_PASSWORD = 'demo-neighbour-2026';
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗';
const GIVEN = ['秀英', '建国', '桂芳', '志强', '丽华', '海燕', '红梅', '国庆', '明', '静', '磊', '芳', '勇', '敏'];

export interface DemoHistoryOptions {
  readonly config: PlatformConfig;
  readonly edge: EdgeConfig;
  readonly services: readonly HostedService[];
  readonly settings: ServiceSettings;
  readonly env: Environment;
  readonly clock: DemoClock;
  readonly log?: (text: string) => void;
  readonly days?: number;
  readonly seed?: number;
  /** The instant the history ends at (the machine's time by default). */
  readonly until?: Date;
  readonly progress?: NodeJS.WriteStream;
}

/**
 * The demo city's past, built once at the first start of a fresh data folder: a platform of its own on a
 * loopback port, driven through its HTTP API by the city's residents and staff over `days` of simulated time,
 * every timer firing in order as the clock moves. Then closed; the host opens the same data folder and goes
 * on from there. A data folder that has the marker, or already holds events, is left as it is.
 */
export async function buildDemoHistoryOnce(options: DemoHistoryOptions): Promise<{ built: boolean; seconds: number }> {
  const { dataDir } = options.config;
  const marker = join(dataDir, DEMO_HISTORY_MARKER);
  if (existsSync(marker) || existsSync(join(dataDir, 'grid-events', 'events.sqlite'))) return { built: false, seconds: 0 };
  const started = Date.now();
  const days = options.days ?? 90;
  const until = options.until ?? options.clock.now();
  const firstDay = Math.floor((until.getTime() - days * DAY) / DAY) * DAY;
  options.clock.pin(new Date(firstDay));

  const limits = Object.fromEntries(Object.keys(options.edge.rateLimits).map((k) => [k, 100_000])) as unknown as EdgeConfig['rateLimits'];
  const edge: EdgeConfig = { ...options.edge, rateLimits: limits, demoCity: { ...options.edge.demoCity, lifeRate: 0 } };
  // The history's own requests are not worth a log line each.
  const config: PlatformConfig = { ...options.config, log: { ...options.config.log, level: 'warn' } };
  const module = await createHostModule({ ...options, config, edge, clock: options.clock });
  const app = await NestFactory.create(module, { logger: ['error'] });
  applyEdgeProtections(app, edge);
  await app.listen(0, '127.0.0.1');
  try {
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const platform = app.get<EmbeddedPlatform>(EMBEDDED_PLATFORM, { strict: false });
    const timeline = new DemoTimeline(app, () => platform, options.clock);
    const random = new SeededRandom(options.seed ?? 20_261_204);
    const client = new DemoClient(app, base, options.clock);

    const identity = app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
    await seedNeighbours(identity, random, options.clock.now());
    const life = await meetTheCity(client, identity, random, until.getUTCFullYear());
    await stockRewards(client);

    for (let day = 0; day < days; day++) {
      const slots = [life.morning, life.afternoon, life.evening];
      for (const [slot, hour] of SLOTS_UTC_HOURS.entries()) {
        const at = new Date(firstDay + day * DAY + hour * 3_600_000);
        if (at > until) break;
        await timeline.moveTo(at, TIMER_STEP_MS);
        await slots[slot].call(life, day);
      }
      renderProgress({ projector: `Building ${days} days of the demo city`, applied: day + 1, total: days }, options.progress);
    }
    await timeline.moveTo(until);
    if (options.progress?.isTTY) options.progress.write('\n');
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(marker, JSON.stringify({ days, until: until.toISOString(), requests: client.requests, seconds }, null, 2), {
      mode: 0o600,
    });
    const refused = [...client.refusals].sort((a, b) => b[1] - a[1]);
    options.log?.(
      `The demo city's ${days} days of history: ${client.requests} requests in ${seconds.toFixed(1)} s` +
        (refused.length
          ? `; refused as a city would refuse (first few): ${refused
              .slice(0, 6)
              .map(([k, n]) => `${k} ×${n}`)
              .join(', ')}`
          : ''),
    );
    return { built: true, seconds };
  } finally {
    await app.close();
    options.clock.release();
  }
}

/** Fifteen verified neighbours of the demo resident in 和谐社区, so topics have a real roll and a turnout; and a second department's staff. */
export async function seedNeighbours(identity: DataSource, random: SeededRandom, now: Date): Promise<DemoAccount[]> {
  const resident = DEMO_ACCOUNTS.find((a) => a.role === 'resident')!;
  const neighbours: DemoAccount[] = Array.from({ length: 15 }, (_, n) => ({
    username: `demo-neighbour-${String(n + 1).padStart(2, '0')}`,
    password: NEIGHBOUR_PASSWORD,
    displayName: `${random.pick([...SURNAMES])}${random.pick(GIVEN)}`,
    role: 'resident',
    scope: { ...resident.scope, gridId: `grid-hexie-0${(n % 3) + 1}` },
  }));
  await seedDemoAccounts(identity.getRepository(Account), [...neighbours, PARTNER_STAFF], { now });
  return neighbours;
}

async function stockRewards(client: DemoClient): Promise<void> {
  for (const [name, description, pricePoints] of [
    ['社区食堂餐券', '社区长者食堂一餐', 20],
    ['环保购物袋', '可折叠帆布袋', 10],
    ['理发券', '社区理发室一次', 30],
  ] as const)
    await client.call('demo-admin', 'POST', '/api/points/rewards', { name, description, pricePoints, stock: 500 });
}
