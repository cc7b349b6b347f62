import { ManualClock } from '@gongzhi/eventsourcing';
import { IDENTITY_DATA_SOURCE } from '@gongzhi/identity';
import { defaultEdgeConfig } from '@gongzhi/platform';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import type { DataSource } from 'typeorm';
import { SERVICES } from '../services';
import { DemoLife } from './demo-life.module';
import { demoModules } from './demo-modules';
import { DemoTimeline } from './demo-timeline';
import { seedNeighbours } from './history/build-demo-history';
import { SeededRandom } from './history/seeded-random';

const HOUR = 3_600_000;
const demoEdge = (lifeRate: number) => defaultEdgeConfig({ demoData: true, demoCity: { communities: null, historyDays: 0, lifeRate } });

// Issue 21, part 4: after the history, the simulator keeps the city moving at GONGZHI_DEMO_LIFE_RATE, through the
// host's own HTTP API, and what it does reaches every service, not only cases.
describe('the demo city’s simulator (GONGZHI_DEMO_LIFE_RATE)', () => {
  describe('driven moment by moment on a manual clock', () => {
    let app: TestApp;
    const clock = new ManualClock(new Date('2026-11-02T01:00:00.000Z'));

    beforeAll(async () => {
      // One moment an hour (a rate below the variable's least, set here directly): the test's own steps are the only
      // moments, however long a loaded machine takes to start the host (at one a minute, CI's once took over a minute).
      app = await startTestApp(SERVICES, { clock, imports: demoModules(demoEdge(1 / 60), clock, () => app.platform) });
      await seedNeighbours(app.app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false }), new SeededRandom(7), clock.now());
    }, 120_000);
    afterAll(() => app?.close());

    it('issues real requests that land in every service’s event store', async () => {
      const heads = async () => {
        const positions: Record<string, number> = {};
        for (const [name, infrastructure] of app.platform.infrastructure) positions[name] = await infrastructure.eventStore.headPosition();
        return positions;
      };
      const before = await heads();
      const life = app.app.get(DemoLife, { strict: false });
      const timeline = new DemoTimeline(app.app, () => app.platform, clock);
      // Nine days of three moments each, the platform's timers firing in between as real time would fire them.
      for (let moment = 0; moment < 27; moment++) {
        await life.runner.step();
        await timeline.moveTo(new Date(clock.now().getTime() + (moment % 3 === 2 ? 14 : 5) * HOUR));
      }
      expect(life.runner.moments).toBe(27);
      const after = await heads();
      const moved = Object.keys(after).filter((name) => after[name] > (before[name] ?? 0));
      expect(moved).toEqual(expect.arrayContaining(['grid-events', 'department-dispatch', 'deliberation', 'points', 'co-building']));

      // What a visitor sees: the simulated people's actions on the public dashboards.
      const overview = (await app.request('GET', '/api/dashboards/overview')).body;
      expect(overview.cases.cases).toBeGreaterThan(0);
      expect(overview.whistles.whistles).toBeGreaterThan(0);
      expect(overview.deliberation.topics).toBeGreaterThan(0);
      expect(overview.points.volunteerHours).toBeGreaterThan(0);
      const [co] = (await app.request('GET', `/api/dashboards/co-building/summary?from=${overview.from}&to=${overview.to}`)).body.rows;
      expect(co.projects.started).toBeGreaterThan(0);
    }, 600_000);
  });

  describe('on its own timer', () => {
    it('lives a moment at the set rate, and stops with the host, starting nothing more', async () => {
      const clock = new ManualClock(new Date('2026-11-02T01:00:00.000Z'));
      const app: TestApp = await startTestApp(SERVICES, { clock, imports: demoModules(demoEdge(60), clock, () => app.platform) });
      const life = app.app.get(DemoLife, { strict: false });
      try {
        await eventuallyPasses(async () => expect(life.runner.moments).toBeGreaterThanOrEqual(2), 60_000, 200);
        const cases = await app.platform.infrastructure.get('grid-events')!.eventStore.headPosition();
        expect(cases).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
      const moments = life.runner.moments;
      await life.runner.step();
      expect(life.runner.moments).toBe(moments);
    }, 120_000);

    it('is not there when the rate is 0 (the default) or outside demo mode', () => {
      const clock = new ManualClock(new Date('2026-11-02T01:00:00.000Z'));
      const platform = () => {
        throw new Error('not used');
      };
      const names = (modules: ReturnType<typeof demoModules>) => modules.map((m) => m.module.name);
      expect(names(demoModules(demoEdge(0), clock, platform))).toEqual(['DemoClockModule']);
      expect(names(demoModules(defaultEdgeConfig({ demoData: false, demoCity: demoEdge(2).demoCity }), clock, platform))).toEqual([]);
      expect(names(demoModules(demoEdge(2), clock, platform))).toEqual(['DemoClockModule', 'DemoLifeModule']);
    });
  });
});
