import { readCaseDaily } from '../queries/cases/case-daily.query';
import { readCaseSla } from '../queries/cases/case-sla.query';
import { CaseFact } from '../read-models/case-fact.entity';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';

const streetA = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };
const streetB = { streetId: 'street-b', communityId: 'community-2', gridId: 'grid-b1' };

describe('cases projector', () => {
  let dash: EmbeddedDashboards;
  const sla = (query: Partial<Parameters<typeof readCaseSla>[1]> = {}) =>
    readCaseSla(dash.infrastructure.dataSource, { groupBy: 'city', ...query }, dash.clock.now());

  beforeEach(async () => {
    dash = await openEmbeddedDashboards();
    await dash.projections.start();
  });
  afterEach(() => dash.close());

  describe('when a case goes through the closed loop', () => {
    it('keeps the times to acknowledge and to resolve, the SLA verdicts and the rating', async () => {
      await dash.city.caseThroughTheLoop('c1', streetA, { acknowledgeAfterMinutes: 20, resolveAfterHours: 5, score: 5 });
      await dash.projections.whenCaughtUp();

      const fact = await dash.infrastructure.dataSource.getRepository(CaseFact).findOneByOrFail({ caseId: 'c1' });
      expect(fact).toMatchObject({
        status: 'closed',
        departmentId: 'dept-cg',
        acknowledgeSeconds: 20 * 60,
        acknowledgedWithinSla: true,
        resolveSeconds: (10 + 20 + 300) * 60,
        resolvedWithinSla: true,
        satisfaction: 5,
        reopenCount: 0,
      });
      const [city] = (await sla()).rows;
      expect(city).toMatchObject({
        key: '*',
        cases: 1,
        backlog: 0,
        acknowledgeMedianMinutes: 20,
        resolveMedianMinutes: 330,
        acknowledgedWithinSlaPercent: 100,
        resolvedWithinSlaPercent: 100,
        reopenRatePercent: 0,
        satisfactionAverage: 5,
        satisfiedPercent: 100,
      });
    });
  });

  describe('when the reporter reopens a resolved case', () => {
    it('puts it back in the backlog, counts the reopening, and measures the final fix', async () => {
      await dash.city.reportCase('c1', streetA);
      await dash.city.acceptCase('c1');
      await dash.city.dispatchCase('c1', { resolveWithinHours: 24 });
      await dash.city.later({ minutes: 30 }).acknowledgeCase('c1');
      await dash.city.later({ hours: 4 }).resolveCase('c1');
      await dash.city.later({ hours: 1 }).reopenCase('c1');
      await dash.projections.whenCaughtUp();
      expect((await sla()).rows[0]).toMatchObject({ backlog: 1, resolved: 0, reopened: 1, reopenRatePercent: 100 });

      await dash.city.later({ hours: 30 }).resolveCase('c1');
      await dash.projections.whenCaughtUp();
      expect((await sla()).rows[0]).toMatchObject({
        backlog: 0,
        resolved: 1,
        resolveMedianMinutes: (30 + 240 + 60 + 1800) / 1,
        resolvedWithinSlaPercent: 0,
        reopenRatePercent: 100,
      });
    });
  });

  it('computes the median and p90 over the cases of each group, and leaves grid workers out of department rows', async () => {
    for (const [i, hours] of [1, 2, 3, 4, 5].entries()) {
      await dash.city.reportCase(`a${i}`, streetA);
      await dash.city.dispatchCase(`a${i}`, { departmentId: 'dept-cg' });
      await dash.city.later({ hours }).resolveCase(`a${i}`);
    }
    await dash.city.reportCase('b1', streetB);
    await dash.city.dispatchCase('b1', { departmentId: null });
    await dash.city.later({ hours: 10 }).resolveCase('b1');
    await dash.city.reportCase('b2', { ...streetB, reporterId: null });
    await dash.projections.whenCaughtUp();

    const byStreet = await sla({ groupBy: 'street' });
    expect(byStreet.rows.map((r) => [r.key, r.cases, r.resolveMedianMinutes, r.resolveP90Minutes, r.backlog])).toEqual([
      ['street-a', 5, 180, 276, 0],
      ['street-b', 2, 600, 600, 1],
    ]);
    const byDepartment = await sla({ groupBy: 'department' });
    expect(byDepartment.rows.map((r) => [r.key, r.cases])).toEqual([['dept-cg', 5]]);
    const filtered = await sla({ groupBy: 'grid', streetId: 'street-b' });
    expect(filtered.rows.map((r) => r.key)).toEqual(['grid-b1']);
  });

  it('counts overdue open cases against the clock of the query', async () => {
    await dash.city.reportCase('c1', streetA);
    await dash.city.dispatchCase('c1', { resolveWithinHours: 2 });
    await dash.projections.whenCaughtUp();
    expect((await sla()).rows[0].overdue).toBe(0);
    dash.clock.advance({ hours: 3 });
    expect((await sla()).rows[0].overdue).toBe(1);
  });

  it("counts each event on its day in the city's time zone, in a dense daily series", async () => {
    dash.clock.set('2026-11-26T15:30:00.000Z'); // 23:30 in Shanghai
    await dash.city.reportCase('c1', streetA);
    await dash.city.later({ hours: 1 }).rejectCase('c1'); // 00:30 the next day
    await dash.projections.whenCaughtUp();
    const daily = await readCaseDaily(
      dash.infrastructure.dataSource,
      { dimension: 'street', key: 'street-a', from: '2026-11-25', to: '2026-11-27' },
      dash.clock.now(),
      'Asia/Shanghai',
    );
    expect(daily.days.map((d) => [d.day, d.reported, d.rejected])).toEqual([
      ['2026-11-25', 0, 0],
      ['2026-11-26', 1, 0],
      ['2026-11-27', 0, 1],
    ]);
  });

  it('windows the SLA figures by the day a case was reported', async () => {
    dash.clock.set('2026-11-20T02:00:00.000Z');
    await dash.city.reportCase('old', streetA);
    dash.clock.set('2026-11-26T02:00:00.000Z');
    await dash.city.reportCase('new', streetA);
    await dash.projections.whenCaughtUp();
    expect((await sla({ from: '2026-11-21' })).rows[0].cases).toBe(1);
    expect((await sla({ to: '2026-11-21' })).rows[0].cases).toBe(1);
    expect((await sla()).rows[0].cases).toBe(2);
  });
});
