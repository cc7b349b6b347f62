import { TOPICS } from '@gongzhi/contracts';
import { deliberationService, VOTING_SCHEDULER } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { pointsService } from '@gongzhi/points';
import type { DurableScheduler } from '@gongzhi/runtime';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

// 建议被采纳 +20: a resident's proposal, run as the residents and officers would through screening,
// consultation, discussion and a vote that the durable timer closes, and adopted, earns its proposer 20
// points once: no second decision and no redelivery earns them again.
describe('an adopted suggestion earns its proposer +20, once', () => {
  let app: TestApp;
  const api = '/api/deliberation/topics';
  const login = (role: Role) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    return app.login(account.username, account.password);
  };

  beforeAll(async () => {
    app = await startTestApp([deliberationService, pointsService]);
  });
  afterAll(() => app?.close());

  /** The points service has read the deliberation log to its end: what it awards for it is all awarded. */
  async function pointsCaughtUp(): Promise<void> {
    const head = await app.platform.infrastructure.get('deliberation')!.eventStore.headPosition();
    const state = app.platform.infrastructure.get('points')!.state;
    const source = `log:${TOPICS.deliberation}`;
    await eventuallyPasses(async () =>
      expect(await state.position(`points-awards-${TOPICS.deliberation}`, source)).toBeGreaterThanOrEqual(head),
    );
  }

  const ledgerOf = async (token: string) =>
    (await app.request('GET', '/api/points/me/ledger', { token })).body as { kind: string; ruleId: string; points: number }[];

  it('runs a topic from proposal to adoption and awards the proposer 20 points, once', async () => {
    let [resident, officer] = await Promise.all([login('resident'), login('community_officer')]);
    const post = (path: string, token: string, body: unknown) => app.request('POST', path, { token, body });

    const proposed = await post(api, resident, {
      title: '小区增设电动自行车充电桩',
      description: '楼道里充电太危险',
      gridId: 'grid-hexie-01',
      anonymous: false,
    });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await post(`${api}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/consultation`, officer, { draftPlan: '在3号楼旁建充电棚' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/discussion`, officer, { meetingAt: '2026-11-28T10:00:00+08:00' })).status).toBe(200);
    const voting = await post(`${api}/${topicId}/voting`, officer, {
      closesAt: new Date(app.clock.now().getTime() + 3 * 864e5).toISOString(),
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'grid', scopeId: 'grid-hexie-01' },
      quorumPercent: 50,
      passThresholdPercent: 60,
    });
    expect(voting.status).toBe(200);
    expect((await app.request('PUT', `${api}/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } })).status).toBe(200);

    // Past the close: the durable timer closes the vote (the module's own poller may have fired it already).
    app.clock.advance({ days: 3, minutes: 1 });
    [resident, officer] = await Promise.all([login('resident'), login('community_officer')]);
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue();
    const closed = await app.request('GET', `${api}/${topicId}`, { token: resident });
    expect(closed.body).toMatchObject({ status: 'VotingClosed', result: { passed: true, winningOptionId: 'yes' } });

    // The proposer cannot adopt their own suggestion; their officer can, once.
    expect((await post(`${api}/${topicId}/decision`, resident, { result: 'adopted', reasons: '我自己同意' })).status).toBe(403);
    expect((await post(`${api}/${topicId}/decision`, officer, { result: 'adopted', reasons: '投票通过，纳入年度实事' })).status).toBe(200);
    expect((await post(`${api}/${topicId}/decision`, officer, { result: 'adopted', reasons: '再采纳一次' })).status).toBe(422);

    await pointsCaughtUp();
    const adopted = (await ledgerOf(resident)).filter((line) => line.ruleId === 'adopted-suggestion');
    expect(adopted).toEqual([expect.objectContaining({ kind: 'award', points: 20, source: 'SuggestionAdopted' })]);
    const me = await app.request('GET', '/api/points/me', { token: resident });
    expect(me.body).toMatchObject({ balance: 30, lifetimePoints: 30 }); // +20 adopted, +10 for the ballot
  });
});
