import { DeadLetter } from '@gongzhi/messaging';
import { freshTestDatabase } from '@gongzhi/testing';
import { readAllFigures } from './testing/all-figures';
import { openEmbeddedDashboards, type EmbeddedDashboards } from './testing/embedded-dashboards';
import { playRealisticWeek } from './testing/realistic-week';

describe.each([
  ['SQLite (embedded)', async () => undefined],
  ['PostgreSQL (distributed)', () => freshTestDatabase('dashboards')],
])('a rebuild by replay, read models on %s', (_name, readDatabaseUrl) => {
  let dash: EmbeddedDashboards;
  beforeAll(async () => {
    dash = await openEmbeddedDashboards({ readDatabaseUrl: await readDatabaseUrl() });
    await dash.projections.start();
    await playRealisticWeek(dash.city);
    await dash.projections.whenCaughtUp();
  });
  afterAll(() => dash?.close());

  it('gives identical figures after every read model is dropped and replayed from the start', async () => {
    const { dataSource } = dash.infrastructure;
    const before = await readAllFigures(dataSource, dash.clock.now());
    expect(before.overview.cases.cases).toBeGreaterThan(0);
    expect(before.whistles[0].rows[0].whistles).toBe(1);
    expect(before.adopted.total).toBe(1);
    expect(before.honourRoll.items.map((i) => i.displayName)).toEqual(['李大爷', '小陈']);
    expect(
      before.coBuilding[1].rows.map((r) => [
        r.key,
        r.projects.total,
        r.resourceRequests.approvalRatePercent,
        r.fund.receivedFen,
        r.fund.balanceNowFen,
      ]),
    ).toEqual([
      ['community-1', 1, 50, 3_703, 2_703],
      ['community-2', 1, null, 0, 0],
    ]);

    const applied: Record<string, number> = {};
    for (const projector of dash.projections.projectors) applied[projector.name] = await dash.projections.rebuild(projector.name);

    const after = await readAllFigures(dataSource, dash.clock.now());
    expect(after).toEqual(before);
    // Each projector replayed every event of its topics (the parser ignores none of them).
    const heads = Object.fromEntries(
      await Promise.all(Object.entries(dash.stores).map(async ([topic, store]) => [topic, await store.headPosition()])),
    );
    for (const projector of dash.projections.projectors) {
      expect(applied[projector.name]).toBe(projector.topics.reduce((n, topic) => n + heads[topic], 0));
    }
    expect(await dataSource.getRepository(DeadLetter).count()).toBe(0);
  });

  it('gives identical figures again when every projector is rebuilt side by side, as `npm run rebuild -- all` does', async () => {
    const { dataSource } = dash.infrastructure;
    const before = await readAllFigures(dataSource, dash.clock.now());
    const finished: string[] = [];
    const applied = await dash.projections.rebuildAll(undefined, undefined, (name) => finished.push(name));
    expect(finished.sort()).toEqual(dash.projections.projectors.map((p) => p.name).sort());
    expect(Object.values(applied).every((n) => n > 0)).toBe(true);
    expect(await readAllFigures(dataSource, dash.clock.now())).toEqual(before);
  });

  it('replays the same figures again when events are delivered twice', async () => {
    const { dataSource, state } = dash.infrastructure;
    const before = await readAllFigures(dataSource, dash.clock.now());
    const cases = dash.projections.projector('dashboards-cases')!;
    const redelivered = (await dash.stores[cases.topics[0]].readAll({ limit: 20 })).map((recorded) => {
      const parsed = cases.parser.parse(recorded);
      if (parsed.kind !== 'ok') throw new Error(`fixture event ${recorded.type} is not ok: ${parsed.kind}`);
      return parsed.event;
    });
    const outcome = await state.processBatch(cases.name, redelivered, (event, manager) => cases.handle(event, manager));
    expect(outcome.applied).toBe(0);
    expect(await readAllFigures(dataSource, dash.clock.now())).toEqual(before);
  });
});
