import { createHash, randomUUID } from 'node:crypto';
import { ManualClock } from '@gongzhi/eventsourcing';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { deliberationService } from '../../index';

const API = '/api/deliberation/topics';
const START = new Date('2026-11-26T01:00:00.000Z');

/** A ballot cast from a flaky connection is sent again with its key: counted once, and still secret on disk. */
describe('casting a ballot again with the same Idempotency-Key', () => {
  let app: TestApp;
  let topicId: string;
  let voter: string;

  beforeAll(async () => {
    app = await startTestApp([deliberationService], { clock: new ManualClock(START) });
    const officer = await app.tokenFor('community_officer');
    const username = `voter-${randomUUID().slice(0, 8)}`;
    const registered = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'a-long-enough-password', displayName: '居民', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    await app.request('POST', `/api/auth/accounts/${registered.body.id}/verify`, { token: officer });
    voter = await app.login(username, 'a-long-enough-password');
    const proposed = await app.request('POST', API, {
      token: await app.tokenFor('resident'),
      body: { title: '3号楼加装电梯', description: '老人上下楼难', anonymous: false },
    });
    topicId = proposed.body.topicId;
    for (const [path, body] of [
      ['/screening', { outcome: 'accepted' }],
      ['/consultation', { draftPlan: null }],
      ['/discussion', { meetingAt: null }],
      [
        '/voting',
        {
          closesAt: new Date(START.getTime() + 3 * 864e5).toISOString(),
          options: { kind: 'yes_no_abstain' },
          eligibility: { scope: 'community', scopeId: 'community-hexie' },
          quorumPercent: 50,
          passThresholdPercent: 50,
        },
      ],
    ] as const) {
      expect((await app.request('POST', `${API}/${topicId}${path}`, { token: officer, body })).status).toBe(200);
    }
  });
  afterAll(() => app?.close());

  const cast = (optionId: string, key: string) =>
    fetch(`${app.url}${API}/${topicId}/ballot`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${voter}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ optionId }),
    }).then(async (response) => ({
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as any,
    }));

  it('counts one ballot and answers the same receipt; the key cannot change the choice', async () => {
    const key = randomUUID();
    const first = await cast('yes', key);
    const again = await cast('yes', key);
    const otherChoice = await cast('no', key);

    expect(first).toMatchObject({ status: 200, body: { topicId, firstBallot: true } });
    expect(again).toEqual({ ...first, replayed: 'true' });
    expect(otherChoice).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });
    expect(await app.app.get<BallotBox>(BALLOT_BOX, { strict: false }).ballotCount(topicId)).toBe(1);
  });

  it('keeps nothing in the database from which a file holder could guess the choice', async () => {
    const key = randomUUID();
    await cast('abstain', key);
    const rows: Array<{ fingerprint: string; body: string }> = await app.platform.infrastructure
      .get('deliberation')!
      .dataSource.query('SELECT fingerprint, body FROM idempotency_records WHERE idempotency_key = ?', [key]);

    // The attacker knows the code: they hash each possible request and look for it in the table.
    const guesses = ['yes', 'no', 'abstain'].map((optionId) =>
      createHash('sha256')
        .update(`PUT ${API}/${topicId}/ballot\n${JSON.stringify({ optionId })}`)
        .digest('hex'),
    );
    expect(rows).toHaveLength(1);
    expect(guesses).not.toContain(rows[0]!.fingerprint);
    expect(rows[0]!.body).not.toMatch(/yes|no"|abstain/);
  });
});
