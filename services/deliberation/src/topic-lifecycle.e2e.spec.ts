import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService, VOTING_SCHEDULER } from './index';
import { topicResponse } from './queries/get-topic/get-topic.http.controller';

describe('the resident council over HTTP (embedded default)', () => {
  let app: TestApp;
  let resident: string;
  let officer: string;
  let supervisor: string;
  const api = '/api/deliberation/topics';

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
    supervisor = await app.tokenFor('supervisor');
  });
  afterAll(() => app?.close());

  /** Access tokens last 15 minutes of the test's clock: after moving it by days, log in again. */
  async function loginAgain(): Promise<void> {
    const login = (role: Role) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      return app.login(account.username, account.password);
    };
    [resident, officer, supervisor] = await Promise.all([login('resident'), login('community_officer'), login('supervisor')]);
  }

  const post = (path: string, token: string, body: unknown) => app.request('POST', path, { token, body });
  const storedEvents = () => app.platform.infrastructure.get('deliberation')!.eventStore.headPosition();

  async function topicInDiscussion(): Promise<string> {
    const proposed = await post(api, resident, { title: '3号楼加装电梯', description: '老人上下楼难', anonymous: true });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await post(`${api}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/consultation`, officer, { draftPlan: '业主分摊方案' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/stakeholder-inputs`, officer, { stakeholder: '物业公司', input: '可以配合施工' })).status).toBe(
      201,
    );
    expect((await post(`${api}/${topicId}/discussion`, officer, { meetingAt: '2026-11-28T10:00:00+08:00' })).status).toBe(200);
    return topicId;
  }

  const votingBody = (days = 3) => ({
    closesAt: new Date(app.clock.now().getTime() + days * 864e5).toISOString(),
    options: { kind: 'yes_no_abstain' },
    eligibility: { scope: 'community', scopeId: 'community-hexie' },
    quorumPercent: 50,
    passThresholdPercent: 60,
  });

  it('takes a topic from proposal to evaluation, with a secret ballot closed by its deadline', async () => {
    const topicId = await topicInDiscussion();
    expect((await post(`${api}/${topicId}/voting`, officer, votingBody())).status).toBe(200);

    const first = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'no' } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ topicId, ballotId: expect.any(String), firstBallot: true });
    const changed = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } });
    expect(changed.body).toEqual({ topicId, ballotId: first.body.ballotId, firstBallot: false });

    app.clock.advance({ days: 3 });
    await loginAgain();
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue(); // the module's own poller may have fired it already; this waits for that pass too
    expect(await scheduler.pending()).toEqual([]);

    const closed = await app.request('GET', `${api}/${topicId}`, { token: resident });
    expect(topicResponse.parse(closed.body)).toMatchObject({ status: 'VotingClosed', anonymous: true, proposerId: null });
    expect(closed.body.result).toMatchObject({ ballotsCast: 1, turnoutPercent: 100, passed: true, winningOptionId: 'yes' });

    expect((await post(`${api}/${topicId}/decision`, officer, { result: 'adopted', reasons: '全体同意' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/progress`, supervisor, { percent: 50, note: '井道施工', photoIds: ['photo-1'] })).status).toBe(
      201,
    );
    expect((await post(`${api}/${topicId}/completion`, supervisor, { summary: '电梯投入使用' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/evaluations`, resident, { score: 5 })).status).toBe(201);

    // Nothing published says how the resident voted, and the anonymous proposer is nowhere in the log.
    const log = await app.platform.infrastructure.get('deliberation')!.eventStore.readAll({ limit: 1000 });
    const ballotCast = log.filter((e) => e.type === 'BallotCast');
    expect(ballotCast).toHaveLength(1);
    expect(JSON.stringify(ballotCast[0].data)).not.toMatch(/"(yes|no)"/);
    const proposal = log.find((e) => e.type === 'TopicProposed')!;
    expect(proposal.actor).toMatchObject({ id: 'anonymous' });
  });

  it('answers bad input with a clear 4xx and stores nothing', async () => {
    const topicId = await topicInDiscussion();
    const before = await storedEvents();

    const rejectWithoutReason = await post(`${api}/${topicId}/screening`, officer, { outcome: 'rejected' });
    expect(rejectWithoutReason.status).toBe(400);
    expect(rejectWithoutReason.body.errors).toEqual([{ path: 'reason', message: 'a rejection needs a written reason' }]);

    const early = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } });
    expect([early.status, early.body.code]).toEqual([422, 'VOTING.NOT_OPEN']);

    const tooLong = await post(`${api}/${topicId}/voting`, officer, votingBody(8));
    expect([tooLong.status, tooLong.body.code, tooLong.body.errors[0].path]).toEqual([422, 'VOTING.WINDOW_OUT_OF_RANGE', 'closesAt']);
    // The electorate is the roll, never a number: typed, it is refused; nor is a community's topic voted by one grid.
    const typed = await post(`${api}/${topicId}/voting`, officer, { ...votingBody(), eligibleVoters: 1 });
    expect([typed.status, typed.body.errors[0].path]).toEqual([400, 'eligibleVoters']);
    const narrower = await post(`${api}/${topicId}/voting`, officer, {
      ...votingBody(),
      eligibility: { scope: 'grid', scopeId: 'grid-hexie-02' },
    });
    expect([narrower.status, narrower.body.code, narrower.body.errors[0].path]).toEqual([422, 'VOTING.SCOPE_INVALID', 'eligibility.scope']);
    expect(await storedEvents()).toBe(before);

    expect((await post(`${api}/${topicId}/voting`, officer, votingBody())).status).toBe(200);
    const afterOpen = await storedEvents();
    const byOfficer = await app.request('PUT', `${api}/${topicId}/ballot`, { token: officer, body: { optionId: 'yes' } });
    expect(byOfficer.status).toBe(403);
    expect(await storedEvents()).toBe(afterOpen);
  });

  it('refuses an option that does not exist and a ballot after the close', async () => {
    const topicId = await topicInDiscussion();
    await post(`${api}/${topicId}/voting`, officer, votingBody());
    const before = await storedEvents();
    const unknown = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'maybe' } });
    expect([unknown.status, unknown.body.code, unknown.body.errors[0].path]).toEqual([422, 'BALLOT.UNKNOWN_OPTION', 'optionId']);
    const empty = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: {} });
    expect([empty.status, empty.body.errors[0].path]).toEqual([400, 'optionId']);
    expect(await storedEvents()).toBe(before);

    app.clock.advance({ days: 3, seconds: 1 });
    await loginAgain();
    const late = await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } });
    expect([late.status, late.body.code]).toEqual([422, 'VOTING.CLOSED']);
  });
});
