import { readWhistleSummary } from '../queries/whistles/whistles.query';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';

describe('whistles projector', () => {
  let dash: EmbeddedDashboards;
  beforeEach(async () => {
    dash = await openEmbeddedDashboards();
    await dash.projections.start();
  });
  afterEach(() => dash.close());

  it('measures check-in within the deadline per department, escalations, and the time to resolve', async () => {
    await dash.city.blowWhistle('w1', { streetId: 'street-a', departmentIds: ['dept-cg', 'dept-jj', 'dept-zj'] });
    await dash.city.later({ minutes: 10 }).checkIn('w1', 'dept-cg');
    await dash.city.later({ minutes: 15 }).checkIn('w1', 'dept-jj');
    await dash.city.later({ minutes: 10 }).missCheckIn('w1', 'dept-zj');
    await dash.city.later({ minutes: 20 }).checkIn('w1', 'dept-zj', 'street');
    for (const department of ['dept-cg', 'dept-jj', 'dept-zj']) await dash.city.later({ hours: 2 }).completeTask('w1', department);
    await dash.city.resolveWhistle('w1');
    await dash.city.evaluateDepartment('w1', 'dept-cg', 5);
    await dash.city.evaluateDepartment('w1', 'dept-zj', 2);
    await dash.projections.whenCaughtUp();

    const read = (groupBy: 'city' | 'department') => readWhistleSummary(dash.infrastructure.dataSource, { groupBy }, dash.clock.now());
    expect((await read('city')).rows).toEqual([
      expect.objectContaining({
        key: '*',
        whistles: 1,
        resolved: 1,
        resolveMedianMinutes: 55 + 360,
        escalatedWhistles: 1,
        summons: 3,
        checkIns: 3,
        checkInsWithinDeadline: 2,
        checkInWithinDeadlinePercent: 66.7,
        missed: 1,
        tasksCompleted: 3,
        evaluationAverage: 3.5,
      }),
    ]);
    const byDepartment = await read('department');
    expect(byDepartment.rows.map((r) => [r.key, r.checkInWithinDeadlinePercent, r.missed, r.evaluationAverage])).toEqual([
      ['dept-cg', 100, 0, 5],
      ['dept-jj', 100, 0, null],
      ['dept-zj', 0, 1, 2],
    ]);
  });

  it('counts a summons whose check-in is not yet due as awaiting, neither on time nor missed', async () => {
    await dash.city.blowWhistle('w2', { streetId: 'street-a', departmentIds: ['dept-cg', 'dept-jj'] });
    await dash.city.later({ minutes: 5 }).checkIn('w2', 'dept-cg');
    await dash.projections.whenCaughtUp();

    const { rows } = await readWhistleSummary(dash.infrastructure.dataSource, { groupBy: 'city' }, dash.clock.now());
    expect(rows).toEqual([
      expect.objectContaining({ summons: 2, checkIns: 1, checkInWithinDeadlinePercent: 100, missed: 0, awaitingCheckIn: 1 }),
    ]);

    await dash.city.later({ minutes: 30 }).missCheckIn('w2', 'dept-jj');
    await dash.projections.whenCaughtUp();
    const later = await readWhistleSummary(dash.infrastructure.dataSource, { groupBy: 'city' }, dash.clock.now());
    expect(later.rows).toEqual([expect.objectContaining({ checkInWithinDeadlinePercent: 50, missed: 1, awaitingCheckIn: 0 })]);
  });

  it('summarises only the whistles of the window and of the street asked for', async () => {
    const start = dash.clock.now();
    const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await dash.city.blowWhistle('w-a1', { streetId: 'street-a', departmentIds: ['dept-cg'] });
    await dash.city.blowWhistle('w-b1', { streetId: 'street-b', departmentIds: ['dept-cg', 'dept-jj'] });
    await dash.city.later({ days: 2 }).blowWhistle('w-a2', { streetId: 'street-a', departmentIds: ['dept-jj'] });
    await dash.projections.whenCaughtUp();

    const summary = async (window: { from?: string; to?: string; streetId?: string }) =>
      (await readWhistleSummary(dash.infrastructure.dataSource, { groupBy: 'city', ...window }, dash.clock.now())).rows.map((r) => [
        r.whistles,
        r.summons,
      ]);
    expect(await summary({})).toEqual([[3, 4]]);
    expect(await summary({ streetId: 'street-a' })).toEqual([[2, 2]]);
    expect(await summary({ to: day(0) })).toEqual([[2, 3]]);
    expect(await summary({ from: day(1) })).toEqual([[1, 1]]);
    expect(await summary({ from: day(0), to: day(2), streetId: 'street-b' })).toEqual([[1, 2]]);
    expect(await summary({ from: day(3) })).toEqual([[0, 0]]);
  });
});
