import type { PublicEvent } from '@gongzhi/contracts';
import { TOPICS } from '@gongzhi/contracts';
import { ResidentActivity } from '../read-models/resident-activity.entity';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';
import { playRealisticWeek } from '../testing/realistic-week';
import { participationProjector } from './participation.projector';

/** A rebuild applies a batch at a time; the rows must be those of one event at a time. */
describe('the participation projector, one event at a time and a batch at a time', () => {
  let dash: EmbeddedDashboards;
  let events: PublicEvent[];
  const projector = participationProjector({ timeZone: 'Asia/Shanghai' });

  beforeAll(async () => {
    dash = await openEmbeddedDashboards();
    await playRealisticWeek(dash.city);
    // The same resident twice on one day, and once more the next day.
    await dash.city.awardPoints('r1', 5);
    await dash.city.redeem('r1', 5);
    await dash.city.redeem('r1', 5);
    await dash.city.later({ days: 1 }).redeem('r1', 5);
    events = [];
    for (const topic of [TOPICS['grid-events'], TOPICS.deliberation, TOPICS.points]) {
      for (const recorded of await dash.stores[topic].readAll()) {
        const parsed = projector.parser.parse(recorded);
        if (parsed.kind !== 'ok') throw new Error(`fixture event ${recorded.type} is not ok: ${parsed.kind}`);
        events.push(parsed.event);
      }
    }
  });
  afterAll(() => dash?.close());

  const rows = () =>
    dash.infrastructure.dataSource.getRepository(ResidentActivity).find({ order: { day: 'ASC', residentId: 'ASC', kind: 'ASC' } });

  it.each([1, 4, 1_000])('gives the rows of one event at a time when the batches hold %i events', async (size) => {
    const { dataSource } = dash.infrastructure;
    await dataSource.getRepository(ResidentActivity).clear();
    for (const event of events) await dataSource.transaction((m) => projector.handle(event, m));
    const oneByOne = await rows();
    // The week's redemption, then two on one day (one row) and one the next day.
    expect(oneByOne.filter((r) => r.residentId === 'r1' && r.kind === 'redemption')).toHaveLength(3);

    await dataSource.getRepository(ResidentActivity).clear();
    for (let i = 0; i < events.length; i += size) {
      await dataSource.transaction((m) => projector.handleBatch!(events.slice(i, i + size), m));
    }
    expect(await rows()).toEqual(oneByOne);
  });
});
