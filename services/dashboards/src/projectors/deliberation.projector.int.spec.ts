import { readAdoptedSuggestions, readDeliberationSummary, readTopicList } from '../queries/deliberation/deliberation.query';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';

describe('deliberation projector', () => {
  let dash: EmbeddedDashboards;
  beforeEach(async () => {
    dash = await openEmbeddedDashboards();
    await dash.projections.start();
  });
  afterEach(() => dash.close());

  it('follows topics through their stages and counts turnout without attributing a ballot', async () => {
    await dash.city.proposeTopic('t1', { communityId: 'community-1', proposerId: null, title: '加装电梯' });
    await dash.city.proposeTopic('t2', { communityId: 'community-1', proposerId: 'r9' });
    await dash.city.screenTopic('t2', 'rejected');
    await dash.city.screenTopic('t1');
    await dash.city.attendMeeting('t1', 'r1');
    await dash.city.attendMeeting('t1', 'r2', 'assisted');
    await dash.city.openVoting('t1', { communityId: 'community-1', eligibleVoters: 4 });
    await dash.city.castBallot('t1', 'r1');
    await dash.city.castBallot('t1', 'r2', true);
    await dash.city.castBallot('t1', 'r3');
    await dash.projections.whenCaughtUp();

    const topics = await readTopicList(dash.infrastructure.dataSource, { limit: 10, offset: 0 });
    expect(topics.items.find((t) => t.topicId === 't1')).toMatchObject({ stage: 'voting', ballotsCast: 3, turnoutPercent: 75 });
    expect(JSON.stringify(topics)).not.toMatch(/r1|r2|r3|r9/); // neither proposers nor voters

    await dash.city.later({ days: 3 }).closeVoting('t1', { yes: 3, no: 0, eligibleVoters: 4 });
    await dash.city.decideTopic('t1', 'adopted');
    await dash.projections.whenCaughtUp();
    const summary = await readDeliberationSummary(dash.infrastructure.dataSource, { communityId: 'community-1' }, dash.clock.now());
    expect(summary).toMatchObject({
      topics: 2,
      stages: expect.objectContaining({ decided: 1, rejected: 1, voting: 0 }),
      votesClosed: 1,
      ballotsCast: 3,
      assistedBallots: 1,
      turnoutAveragePercent: 75,
      quorumMetPercent: 100,
      passedPercent: 100,
      decidedAdopted: 1,
      meetingAttendance: { inPerson: 1, online: 0, assisted: 1 },
    });
  });

  it('lists adopted suggestions with their responsible departments and progress, naming no resident', async () => {
    await dash.city.proposeTopic('t1', { communityId: 'community-1', proposerId: 'r1', title: '增设充电桩' });
    await dash.city.screenTopic('t1');
    await dash.city.adoptSuggestion('t1', { title: '增设电动自行车充电桩', departmentIds: ['dept-zj', 'dept-xf'], residentId: 'r1' });
    await dash.city.later({ days: 5 }).reportImplementation('t1', 40);
    await dash.projections.whenCaughtUp();
    const read = (query: Partial<Parameters<typeof readAdoptedSuggestions>[1]> = {}) =>
      readAdoptedSuggestions(dash.infrastructure.dataSource, { limit: 50, offset: 0, ...query });
    expect((await read()).items).toEqual([
      expect.objectContaining({
        topicId: 't1',
        title: '增设电动自行车充电桩',
        communityId: 'community-1',
        responsibleDepartmentIds: ['dept-zj', 'dept-xf'],
        status: 'in_progress',
        progressPercent: 40,
      }),
    ]);
    expect(JSON.stringify(await read())).not.toContain('r1');
    expect((await read({ departmentId: 'dept-xf' })).total).toBe(1);
    expect((await read({ departmentId: 'dept-x' })).total).toBe(0);

    await dash.city.later({ days: 20 }).completeTopic('t1');
    await dash.projections.whenCaughtUp();
    expect((await read({ status: 'completed' })).items[0]).toMatchObject({ progressPercent: 100, completionSummary: '电梯已投入使用' });
  });
});
