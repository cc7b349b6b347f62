import type { PublicEvent } from '@gongzhi/contracts';
import { TOPICS } from '@gongzhi/contracts';
import { PointsDaily, ResidentHonour } from '../read-models/points.entities';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';
import { playRealisticWeek } from '../testing/realistic-week';
import { pointsProjector } from './points.projector';

/** A rebuild applies a batch at a time; the honour roll and the counters must be those of one event at a time. */
describe('the points projector, one event at a time and a batch at a time', () => {
  let dash: EmbeddedDashboards;
  let events: PublicEvent[];
  const projector = pointsProjector({ timeZone: 'Asia/Shanghai' });

  beforeAll(async () => {
    dash = await openEmbeddedDashboards();
    await playRealisticWeek(dash.city);
    // The same badge twice (counted once), a level, a new resident awarded then named, hours on two days.
    await dash.city.earnBadge('r1', 'debate-pioneer', '议事先锋');
    await dash.city.reachLevel('r1', '热心居民', 1, 100);
    await dash.city.awardPoints('r9', 5, { communityId: 'community-2' });
    await dash.city.setDisplayName('r9', '王阿姨', null);
    await dash.city.depositHours('r9', 1);
    await dash.city.later({ days: 1 }).depositHours('r9', 3);
    events = (await dash.stores[TOPICS.points].readAll()).map((recorded) => {
      const parsed = projector.parser.parse(recorded);
      if (parsed.kind !== 'ok') throw new Error(`fixture event ${recorded.type} is not ok: ${parsed.kind}`);
      return parsed.event;
    });
  });
  afterAll(() => dash?.close());

  const rows = async () => {
    const { dataSource } = dash.infrastructure;
    return {
      honours: await dataSource.getRepository(ResidentHonour).find({ order: { residentId: 'ASC' } }),
      counters: await dataSource.getRepository(PointsDaily).find({ order: { day: 'ASC', metric: 'ASC', dimension: 'ASC', dimKey: 'ASC' } }),
    };
  };
  const empty = async () => {
    await dash.infrastructure.dataSource.getRepository(ResidentHonour).clear();
    await dash.infrastructure.dataSource.getRepository(PointsDaily).clear();
  };

  it.each([1, 3, 1_000])('gives the rows of one event at a time when the batches hold %i events', async (size) => {
    const { dataSource } = dash.infrastructure;
    await empty();
    for (const event of events) await dataSource.transaction((m) => projector.handle(event, m));
    const oneByOne = await rows();
    expect(oneByOne.honours.find((h) => h.residentId === 'r1')).toMatchObject({
      level: '热心居民',
      badges: [expect.objectContaining({ badgeId: 'debate-pioneer' })],
    });
    expect(oneByOne.honours.find((h) => h.residentId === 'r9')).toMatchObject({ displayName: '王阿姨', lifetimePoints: 5 });

    await empty();
    for (let i = 0; i < events.length; i += size) {
      await dataSource.transaction((m) => projector.handleBatch!(events.slice(i, i + size), m));
    }
    expect(await rows()).toEqual(oneByOne);
  });
});
