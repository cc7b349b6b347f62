import { freshTestDatabase } from '@gongzhi/testing';
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

describe.each([
  ['SQLite (embedded)', async () => undefined],
  ['PostgreSQL (distributed)', () => freshTestDatabase('dashboards')],
])('the whistle summary per street and per department, read models on %s', (_name, readDatabaseUrl) => {
  let dash: EmbeddedDashboards;
  beforeAll(async () => {
    dash = await openEmbeddedDashboards({ readDatabaseUrl: await readDatabaseUrl() });
    await dash.projections.start();
    // Two whistles on street A (one summons cg twice over), one on street B whose jj misses and whose zj is still due.
    await dash.city.blowWhistle('w1', { streetId: 'street-a', departmentIds: ['dept-cg', 'dept-jj'] });
    await dash.city.blowWhistle('w3', { streetId: 'street-b', departmentIds: ['dept-jj', 'dept-zj'] });
    await dash.city.later({ minutes: 10 }).checkIn('w1', 'dept-cg');
    await dash.city.later({ minutes: 10 }).blowWhistle('w2', { streetId: 'street-a', departmentIds: ['dept-cg'] });
    await dash.city.later({ minutes: 20 }).checkIn('w1', 'dept-jj');
    await dash.city.checkIn('w2', 'dept-cg');
    await dash.city.missCheckIn('w3', 'dept-jj');
    await dash.city.later({ minutes: 20 }).completeTask('w1', 'dept-cg');
    await dash.city.completeTask('w1', 'dept-jj', false);
    await dash.city.resolveWhistle('w1');
    await dash.city.later({ minutes: 60 }).resolveWhistle('w3');
    await dash.city.evaluateDepartment('w1', 'dept-cg', 4);
    await dash.city.evaluateDepartment('w1', 'dept-jj', 1);
    await dash.city.evaluateDepartment('w2', 'dept-cg', 5);
    await dash.projections.whenCaughtUp();
  });
  afterAll(() => dash?.close());

  const read = async (groupBy: 'city' | 'street' | 'department') =>
    (await readWhistleSummary(dash.infrastructure.dataSource, { groupBy }, dash.clock.now())).rows;

  it('counts each whistle once for its street and once for every department it summoned, with its escalation and time to resolve', async () => {
    const whistleFigures = (rows: Awaited<ReturnType<typeof read>>) =>
      rows.map((r) => [r.key, r.whistles, r.resolved, r.open, r.resolveMedianMinutes, r.resolveP90Minutes, r.escalatedWhistles]);
    expect(whistleFigures(await read('city'))).toEqual([['*', 3, 2, 1, 90, 114, 1]]);
    expect(whistleFigures(await read('street'))).toEqual([
      ['street-a', 2, 1, 1, 60, 60, 0],
      ['street-b', 1, 1, 0, 120, 120, 1],
    ]);
    // jj was summoned by w1 and w3, so both count for it; zj counts w3's escalation although jj's check-in was missed.
    expect(whistleFigures(await read('department'))).toEqual([
      ['dept-cg', 2, 1, 1, 60, 60, 0],
      ['dept-jj', 2, 2, 0, 90, 114, 1],
      ['dept-zj', 1, 1, 0, 120, 120, 1],
    ]);
  });

  it('keeps to the window and the street asked for, and gives the city a row of zeros when nothing is in them', async () => {
    const today = dash.clock.now().toISOString().slice(0, 10);
    const tomorrow = new Date(dash.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const summary = async (groupBy: 'city' | 'department', window: { from?: string; to?: string; streetId?: string }) =>
      (await readWhistleSummary(dash.infrastructure.dataSource, { groupBy, ...window }, dash.clock.now())).rows.map((r) => [
        r.key,
        r.whistles,
        r.summons,
        r.resolveMedianMinutes,
        r.checkInMedianMinutes,
      ]);
    expect(await summary('city', { from: today, to: today, streetId: 'street-a' })).toEqual([['*', 2, 3, 60, 20]]);
    expect(await summary('department', { to: today, streetId: 'street-b' })).toEqual([
      ['dept-jj', 1, 1, 120, null],
      ['dept-zj', 1, 1, 120, null],
    ]);
    expect(await summary('city', { from: tomorrow })).toEqual([['*', 0, 0, null, null]]);
    expect(await summary('department', { from: tomorrow })).toEqual([]);
  });

  it('sums check-ins, tasks and evaluations per group, leaving a summons still due out of the on-time share', async () => {
    const summonsFigures = (rows: Awaited<ReturnType<typeof read>>) =>
      rows.map((r) => ({
        key: r.key,
        summons: r.summons,
        checkIns: r.checkIns,
        within: r.checkInsWithinDeadline,
        percent: r.checkInWithinDeadlinePercent,
        awaiting: r.awaitingCheckIn,
        median: r.checkInMedianMinutes,
        missed: r.missed,
        tasks: r.tasksCompleted,
        tasksPercent: r.tasksWithinDeadlinePercent,
        evaluation: r.evaluationAverage,
      }));
    const row = (key: string, figures: Omit<ReturnType<typeof summonsFigures>[number], 'key'>) => ({ key, ...figures });
    expect(summonsFigures(await read('city'))).toEqual([
      row('*', {
        summons: 5,
        checkIns: 3,
        within: 2,
        percent: 50,
        awaiting: 1,
        median: 20,
        missed: 1,
        tasks: 2,
        tasksPercent: 50,
        evaluation: 3.3,
      }),
    ]);
    expect(summonsFigures(await read('street'))).toEqual([
      row('street-a', {
        summons: 3,
        checkIns: 3,
        within: 2,
        percent: 66.7,
        awaiting: 0,
        median: 20,
        missed: 0,
        tasks: 2,
        tasksPercent: 50,
        evaluation: 3.3,
      }),
      row('street-b', {
        summons: 2,
        checkIns: 0,
        within: 0,
        percent: 0,
        awaiting: 1,
        median: null,
        missed: 1,
        tasks: 0,
        tasksPercent: null,
        evaluation: null,
      }),
    ]);
    expect(summonsFigures(await read('department'))).toEqual([
      row('dept-cg', {
        summons: 2,
        checkIns: 2,
        within: 2,
        percent: 100,
        awaiting: 0,
        median: 15,
        missed: 0,
        tasks: 1,
        tasksPercent: 100,
        evaluation: 4.5,
      }),
      row('dept-jj', {
        summons: 2,
        checkIns: 1,
        within: 0,
        percent: 0,
        awaiting: 0,
        median: 40,
        missed: 1,
        tasks: 1,
        tasksPercent: 0,
        evaluation: 1,
      }),
      row('dept-zj', {
        summons: 1,
        checkIns: 0,
        within: 0,
        percent: null,
        awaiting: 1,
        median: null,
        missed: 0,
        tasks: 0,
        tasksPercent: null,
        evaluation: null,
      }),
    ]);
  });
});
