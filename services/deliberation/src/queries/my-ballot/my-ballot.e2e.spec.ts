import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from '../../index';
import { myBallotResponse } from './my-ballot.http.controller';

// Issue 20 item 10: a cast vote shows as cast after a reload. The voter roll says THAT a resident voted, never
// how; a resident asks only about themselves, so nobody learns whether a neighbour voted.

const API = '/api/deliberation';
const hexie = {
  cityId: 'city-shanghai',
  districtId: 'district-huangpu',
  streetId: 'street-nanjingdong',
  communityId: 'community-hexie',
  gridId: 'grid-hexie-01',
};
const communityVote = {
  options: { kind: 'yes_no_abstain' },
  eligibility: { scope: 'community', scopeId: 'community-hexie' },
  quorumPercent: 50,
  passThresholdPercent: 50,
};

describe('whether I have voted', () => {
  let app: TestApp;
  let resident: string;
  let officer: string;
  const mine = (topicId: string, token?: string) => app.request('GET', `${API}/topics/${topicId}/ballot`, token ? { token } : {});

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
  });
  afterAll(() => app?.close());

  async function topicInVoting(): Promise<string> {
    const { topicId } = (
      await app.request('POST', `${API}/topics`, { token: resident, body: { title: '楼道加装扶手', description: '老人上下楼不便' } })
    ).body;
    for (const [step, body] of [
      ['screening', { outcome: 'accepted' }],
      ['consultation', {}],
      ['discussion', {}],
    ] as const) {
      expect((await app.request('POST', `${API}/topics/${topicId}/${step}`, { token: officer, body })).status).toBe(200);
    }
    const closesAt = new Date(app.clock.now().getTime() + 3 * 864e5).toISOString();
    expect(
      (await app.request('POST', `${API}/topics/${topicId}/voting`, { token: officer, body: { ...communityVote, closesAt } })).status,
    ).toBe(200);
    return topicId;
  }

  it('shows a cast ballot as cast on the next read, without the choice', async () => {
    const topicId = await topicInVoting();
    expect(myBallotResponse.parse((await mine(topicId, resident)).body)).toEqual({ voted: false, assisted: false });
    expect((await app.request('PUT', `${API}/topics/${topicId}/ballot`, { token: resident, body: { optionId: 'yes' } })).status).toBe(200);
    expect(await mine(topicId, resident)).toEqual(expect.objectContaining({ status: 200, body: { voted: true, assisted: false } }));
  });

  it('tells another resident only about themselves, and refuses the unsigned and the staff', async () => {
    const topicId = await topicInVoting();
    await app.request('PUT', `${API}/topics/${topicId}/ballot`, { token: resident, body: { optionId: 'no' } });
    const neighbour = await app.tokenAs({
      subject: `resident-${randomUUID()}`,
      roles: ['resident'],
      scope: hexie,
      verification: 'verified',
    });
    expect((await mine(topicId, neighbour)).body).toEqual({ voted: false, assisted: false });
    expect((await mine(topicId)).status).toBe(401);
    expect((await mine(topicId, officer)).status).toBe(403);
  });
});
