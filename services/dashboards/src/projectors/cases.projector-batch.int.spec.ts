import type { PublicEvent } from '@gongzhi/contracts';
import { CaseDaily, CaseFact } from '../read-models/case-fact.entity';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';
import { playRealisticWeek } from '../testing/realistic-week';
import { casesProjector } from './cases.projector';

const streetA = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };

/**
 * A rebuild applies the cases' events a batch at a time; live projection may take them one by one. Both
 * must leave the same rows: every fact, every counter, to the last field.
 */
describe('the cases projector, one event at a time and a batch at a time', () => {
  let dash: EmbeddedDashboards;
  let events: PublicEvent[];
  const projector = casesProjector({ timeZone: 'Asia/Shanghai' });

  beforeAll(async () => {
    dash = await openEmbeddedDashboards();
    await playRealisticWeek(dash.city);
    // What the week lacks: a declined assignment, a repeated acknowledgement, a case past its deadlines, an
    // event of a case whose report never arrived.
    await dash.city.reportCase('d1', streetA);
    await dash.city.acceptCase('d1');
    await dash.city.dispatchCase('d1', { departmentId: 'dept-jj', acknowledgeWithinMinutes: 5 });
    await dash.city.later({ minutes: 30 }).append('CaseAssignmentDeclined', 'case-d1', {
      caseId: 'd1',
      departmentId: 'dept-jj',
      reason: '非本部门职责',
      suggestedDepartmentId: 'dept-cg',
    });
    await dash.city.dispatchCase('d1', { departmentId: 'dept-cg', acknowledgeWithinMinutes: 5 });
    await dash.city.later({ minutes: 10 }).acknowledgeCase('d1');
    await dash.city.acknowledgeCase('d1');
    await dash.city.later({ days: 3 }).resolveCase('d1');
    await dash.city.confirmCase('ghost');
    const topic = dash.projections.projector('dashboards-cases')!.topics[0];
    events = (await dash.stores[topic].readAll()).map((recorded) => {
      const parsed = projector.parser.parse(recorded);
      if (parsed.kind !== 'ok') throw new Error(`fixture event ${recorded.type} is not ok: ${parsed.kind}`);
      return parsed.event;
    });
  });
  afterAll(() => dash?.close());

  const rows = async () => {
    const { dataSource } = dash.infrastructure;
    return {
      facts: await dataSource.getRepository(CaseFact).find({ order: { caseId: 'ASC' } }),
      counters: await dataSource.getRepository(CaseDaily).find({ order: { day: 'ASC', metric: 'ASC', dimension: 'ASC', dimKey: 'ASC' } }),
    };
  };
  const empty = async () => {
    const { dataSource } = dash.infrastructure;
    await dataSource.getRepository(CaseFact).clear();
    await dataSource.getRepository(CaseDaily).clear();
  };

  it.each([1, 3, 7, 1_000])('gives the rows of one event at a time when the batches hold %i events', async (size) => {
    const { dataSource } = dash.infrastructure;
    await empty();
    for (const event of events) await dataSource.transaction((m) => projector.handle(event, m));
    const oneByOne = await rows();
    expect(oneByOne.facts.map((f) => f.caseId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'd1']);
    expect(oneByOne.facts.find((f) => f.caseId === 'd1')).toMatchObject({ departmentId: 'dept-cg', acknowledgedWithinSla: false });
    expect(oneByOne.counters.some((c) => c.metric === 'declined' && c.dimKey === 'dept-jj')).toBe(true);

    await empty();
    for (let i = 0; i < events.length; i += size) {
      await dataSource.transaction((m) => projector.handleBatch!(events.slice(i, i + size), m));
    }
    expect(await rows()).toEqual(oneByOne);
  });
});
