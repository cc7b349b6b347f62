import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { freshTestDatabase } from '@gongzhi/testing';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';
import { playRealisticWeek } from '../testing/realistic-week';
import { dashboardProjectors, type DashboardProjector } from './index';

const place = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };

/**
 * A rebuild applies each projector's events a batch at a time (`handleBatch`); live projection may take them
 * one by one (`handle`). For every projector that batches, both must leave the same rows in every table of its
 * read model, to the last field, on either read database.
 */
describe.each([
  ['SQLite (embedded)', async () => undefined],
  ['PostgreSQL (distributed)', () => freshTestDatabase('dashboards_batch')],
])('every batching projector, one event at a time and a batch at a time, read models on %s', (_name, readDatabaseUrl) => {
  let dash: EmbeddedDashboards;
  const projectors = dashboardProjectors({ timeZone: 'Asia/Shanghai' }).filter((p) => p.handleBatch);

  beforeAll(async () => {
    dash = await openEmbeddedDashboards({ readDatabaseUrl: await readDatabaseUrl() });
    await playRealisticWeek(dash.city);
    const { city } = dash;
    // What the week lacks. A whistle whose third department misses its check-in (escalated), checks in late,
    // finishes its task, is evaluated twice; a task overdue twice; a repeated check-in; an event of a whistle never blown.
    await city.blowWhistle('w9', { streetId: 'street-a', departmentIds: ['dept-cg', 'dept-jj', 'dept-zj'] });
    await city.later({ minutes: 10 }).checkIn('w9', 'dept-cg');
    await city.checkIn('w9', 'dept-cg');
    await city.checkIn('w9', 'dept-jj');
    await city.later({ minutes: 25 }).missCheckIn('w9', 'dept-zj');
    await city.checkIn('w9', 'dept-zj', 'street');
    for (const _ of [1, 2]) {
      await city.append('WhistleTaskOverdue', 'whistle-w9', {
        whistleId: 'w9',
        departmentId: 'dept-jj',
        dueAt: '2026-11-27T00:00:00.000Z',
      });
    }
    for (const department of ['dept-cg', 'dept-jj', 'dept-zj']) await city.later({ minutes: 15 }).completeTask('w9', department);
    await city.completeTask('w9', 'dept-cg');
    await city.resolveWhistle('w9');
    await city.resolveWhistle('w9');
    await city.evaluateDepartment('w9', 'dept-zj', 2);
    await city.evaluateDepartment('w9', 'dept-zj', 4);
    await city.append('WhistleTaskOverdue', 'whistle-ghost', {
      whistleId: 'ghost',
      departmentId: 'dept-cg',
      dueAt: '2026-11-27T00:00:00.000Z',
    });
    // A topic through its whole life, with ballots (two assisted, one withdrawn), an adoption, progress, completion;
    // a ballot withdrawn that was never recorded; a stage event of a topic never proposed.
    await city.proposeTopic('t9', { communityId: 'community-1', proposerId: 'r1', title: '加装电梯' });
    await city.screenTopic('t9');
    await city.attendMeeting('t9', 'r2', 'online');
    await city.attendMeeting('t9', 'r3', 'assisted');
    await city.openVoting('t9', { communityId: 'community-1', eligibleVoters: 6 });
    for (const voter of ['r1', 'r2', 'r3', 'r4']) await city.castBallot('t9', voter, voter === 'r3' || voter === 'r4');
    for (const [ballotId, residentId] of [
      ['b-r3', 'r3'],
      ['b-r4', 'r4'],
    ])
      await city.append('AssistedBallotRecorded', `assisted-${residentId}`, {
        topicId: 't9',
        residentId,
        ballotId,
        assistantId: 'worker-1',
        assistantRole: 'grid_worker',
        consent: { method: 'one_time_code', slipPhotoId: null },
      });
    await city.append('AssistedBallotWithdrawn', 'assisted-r4', { topicId: 't9', residentId: 'r4', ballotId: 'b-r4' });
    await city.append('AssistedBallotWithdrawn', 'assisted-r5', { topicId: 't9', residentId: 'r5', ballotId: 'b-never' });
    await city.later({ days: 3 }).closeVoting('t9', { yes: 3, no: 1, eligibleVoters: 6 });
    await city.decideTopic('t9', 'adopted');
    await city.adoptSuggestion('t9', { title: '加装电梯', departmentIds: ['dept-zj'], residentId: 'r1' });
    await city.later({ days: 10 }).reportImplementation('t9', 40);
    await city.adoptSuggestion('t9', { title: '加装电梯（二期）', departmentIds: ['dept-zj', 'dept-cg'], residentId: 'r1' });
    await city.later({ days: 10 }).reportImplementation('t9', 80.4);
    await city.completeTopic('t9');
    await city.reportImplementation('t9', 90);
    await city.screenTopic('ghost');
    // A project that grows, reports and earns; an organisation graded twice; a member joining a project never started.
    await city.startProject('p9', { communityId: 'community-1', leaderId: 'r1' });
    await city.joinTeam('p9', 'r2');
    await city.joinTeam('p9', 'r3');
    await city.later({ days: 1 }).reportActivity('p9', 12);
    await city.reportActivity('p9', 5);
    await city.recordIncome('p9', 1_000, { teamSharePercent: 70 });
    await city.registerOrganisation('o9', 'community-1');
    await city.gradeOrganisation('o9', '2A', { evaluatedOn: '2026-11-20', validUntil: '2027-11-19' });
    await city.later({ days: 1 }).gradeOrganisation('o9', '3A', { evaluatedOn: '2026-11-27', validUntil: '2027-11-26' });
    await city.append('ProjectTeamMemberJoined', 'project-p-ghost', { projectId: 'p-ghost', communityId: 'community-1', memberId: 'r1' });
    // Something for every batching projector on a second day, so its counters span days.
    await city.later({ days: 1 }).reportCase('c9', place);
    await city.acceptCase('c9');
    await city.awardPoints('r9', 5, { communityId: 'community-1' });
  });
  afterAll(() => dash?.close());

  /** The projector's topics as it receives them: parsed, in log order, topic after topic. */
  const eventsOf = async (projector: DashboardProjector) => {
    const events: PublicEvent[] = [];
    for (const topic of projector.topics) {
      for (const recorded of await dash.stores[topic].readAll()) {
        const parsed = projector.parser.parse(recorded);
        if (parsed.kind !== 'ok') throw new Error(`fixture event ${recorded.type} is not ok: ${parsed.kind}`);
        events.push(parsed.event);
      }
    }
    return events;
  };

  /** Every row of every table of the projector's read model, in primary-key order. */
  const rows = async (projector: DashboardProjector) => {
    const { dataSource } = dash.infrastructure;
    const tables: Record<string, ObjectLiteral[]> = {};
    for (const entity of projector.entities) {
      const meta = dataSource.getMetadata(entity);
      const order = Object.fromEntries(meta.primaryColumns.map((c) => [c.propertyName, 'ASC' as const]));
      tables[meta.tableName] = await dataSource.getRepository(entity as EntityTarget<ObjectLiteral>).find({ order });
    }
    return tables;
  };
  const empty = async (projector: DashboardProjector) => {
    for (const entity of projector.entities) await dash.infrastructure.dataSource.getRepository(entity).clear();
  };

  it('covers every projector that batches', () => {
    expect(projectors.map((p) => p.name).sort()).toEqual([
      'dashboards-cases',
      'dashboards-co-building',
      'dashboards-deliberation',
      'dashboards-participation',
      'dashboards-points',
      'dashboards-whistles',
    ]);
  });

  it.each([1, 3, 7, 1_000])('gives the rows of one event at a time when the batches hold %i events', async (size) => {
    const { dataSource } = dash.infrastructure;
    for (const projector of projectors) {
      const events = await eventsOf(projector);
      await empty(projector);
      for (const event of events) await dataSource.transaction((m) => projector.handle(event, m));
      const oneByOne = await rows(projector);

      await empty(projector);
      for (let i = 0; i < events.length; i += size) {
        await dataSource.transaction((m) => projector.handleBatch!(events.slice(i, i + size), m));
      }
      expect({ [projector.name]: await rows(projector) }).toEqual({ [projector.name]: oneByOne });
    }
  });

  it('changes no row for an event its projector says has no effect (it takes no inbox row, so it may come twice)', async () => {
    const { dataSource } = dash.infrastructure;
    const picky = dashboardProjectors({ timeZone: 'Asia/Shanghai' }).filter((p) => p.hasEffect);
    expect(picky.map((p) => p.name).sort()).toEqual(['dashboards-evaluation', 'dashboards-participation']);
    for (const projector of picky) {
      const events = await eventsOf(projector);
      const idle = events.filter((event) => !projector.hasEffect!(event));
      expect(idle.length).toBeGreaterThan(0);
      // Alone on an empty read model, they write nothing; after everything, again, they change nothing.
      await empty(projector);
      for (const event of idle) await dataSource.transaction((m) => projector.handle(event, m));
      expect(Object.values(await rows(projector)).flat()).toEqual([]);
      for (const event of events) await dataSource.transaction((m) => projector.handle(event, m));
      const once = await rows(projector);
      for (const event of idle) await dataSource.transaction((m) => projector.handle(event, m));
      if (projector.handleBatch) await dataSource.transaction((m) => projector.handleBatch!(idle, m));
      expect({ [projector.name]: await rows(projector) }).toEqual({ [projector.name]: once });
    }
  });

  it('sees the extra events take effect one event at a time, so the comparison has something to compare', async () => {
    const { dataSource } = dash.infrastructure;
    const byName = (name: string) => projectors.find((p) => p.name === name)!;
    for (const name of ['dashboards-whistles', 'dashboards-deliberation', 'dashboards-co-building']) {
      const projector = byName(name);
      await empty(projector);
      for (const event of await eventsOf(projector)) await dataSource.transaction((m) => projector.handle(event, m));
    }
    const whistles = await rows(byName('dashboards-whistles'));
    expect(whistles.dash_whistle_facts.find((w) => w.whistleId === 'w9')).toMatchObject({ escalations: 1, maxEscalationLevel: 'street' });
    expect(whistles.dash_whistle_summons.find((s) => s.whistleId === 'w9' && s.departmentId === 'dept-zj')).toMatchObject({
      missed: true,
      escalationLevel: 'street',
      evaluationCount: 2,
      evaluationSum: 6,
    });
    const deliberation = await rows(byName('dashboards-deliberation'));
    expect(deliberation.dash_topic_facts.find((t) => t.topicId === 't9')).toMatchObject({
      stage: 'implementation',
      implementationPercent: 90,
      attendanceOnline: 1,
      attendanceAssisted: 1,
    });
    expect(deliberation.dash_adopted_suggestions.find((a) => a.topicId === 't9')).toMatchObject({
      status: 'completed',
      title: '加装电梯（二期）',
      progressPercent: 100,
    });
    expect(deliberation.dash_assisted_ballots.map((b) => [b.ballotId, b.withdrawn])).toEqual([
      ['b-r3', false],
      ['b-r4', true],
    ]);
    const coBuilding = await rows(byName('dashboards-co-building'));
    expect(coBuilding.dash_cobuilding_projects.find((p) => p.projectId === 'p9')).toMatchObject({ teamSize: 3, activities: 2 });
    expect(coBuilding.dash_cobuilding_organisations.find((o) => o.organisationId === 'o9')).toMatchObject({ grade: '3A' });
  });
});
