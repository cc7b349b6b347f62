import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { StaffPhoto } from './assisted/staff-photo.entity';
import { deliberationService, VOTING_SCHEDULER } from './index';
import { myAssistedResponse } from './queries/my-assisted/my-assisted.http.controller';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

describe('assisted participation (入户走访) over HTTP', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  const api = '/api/deliberation';

  async function login(...roles: Role[]) {
    for (const role of roles) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      tokens[role] = await app.login(account.username, account.password);
    }
  }
  const as = (role: Role) => tokens[role]!;
  const post = (path: string, role: Role, body?: unknown) => app.request('POST', `${api}${path}`, { token: as(role), body });
  const assist = (topicId: string, role: Role, body: unknown) =>
    app.request('PUT', `${api}/topics/${topicId}/assisted-ballots`, { token: as(role), body });
  const store = () => app.platform.infrastructure.get('deliberation')!.eventStore;

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    await login('resident', 'grid_worker', 'community_officer', 'street_officer');
  });
  afterAll(() => app?.close());

  async function topicInVoting(): Promise<string> {
    const { body } = await post('/topics', 'resident', { title: '小区加装充电桩', description: '电动车充电难' });
    const { topicId } = body;
    expect((await post(`/topics/${topicId}/screening`, 'community_officer', { outcome: 'accepted' })).status).toBe(200);
    expect((await post(`/topics/${topicId}/consultation`, 'community_officer', {})).status).toBe(200);
    expect((await post(`/topics/${topicId}/discussion`, 'community_officer', {})).status).toBe(200);
    const voting = {
      closesAt: new Date(app.clock.now().getTime() + 3 * 864e5).toISOString(),
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'community', scopeId: 'community-hexie' },
      quorumPercent: 0,
      passThresholdPercent: 50,
    };
    expect((await post(`/topics/${topicId}/voting`, 'community_officer', voting)).status).toBe(200);
    return topicId;
  }

  it('refuses an assisted ballot without consent, with a wrong or expired code, or from someone who may not assist; nothing is stored', async () => {
    const topicId = await topicInVoting();
    const residentId = subjectOf(as('resident'));
    const before = await store().headPosition();

    const noConsent = await assist(topicId, 'grid_worker', { residentId, optionId: 'yes' });
    expect([noConsent.status, noConsent.body.errors[0].path]).toEqual([400, 'consent']);
    const noCode = await assist(topicId, 'grid_worker', { residentId, optionId: 'yes', consent: { method: 'one_time_code' } });
    expect([noCode.status, noCode.body.errors[0].path]).toEqual([400, 'consent.code']);
    const noSlip = await assist(topicId, 'grid_worker', {
      residentId,
      optionId: 'yes',
      consent: { method: 'signed_slip', gridId: 'grid-hexie-01' },
    });
    expect([noSlip.status, noSlip.body.errors[0].path]).toEqual([400, 'consent.slipPhotoId']);

    const noCodeYet = await assist(topicId, 'grid_worker', {
      residentId,
      optionId: 'yes',
      consent: { method: 'one_time_code', code: '123456' },
    });
    expect([noCodeYet.status, noCodeYet.body.code, noCodeYet.body.errors[0].path]).toEqual([
      403,
      'ASSISTED.CONSENT_INVALID',
      'consent.code',
    ]);

    const { code } = (await post('/consent-codes', 'resident')).body;
    const wrong = await assist(topicId, 'grid_worker', {
      residentId,
      optionId: 'yes',
      consent: { method: 'one_time_code', code: code === '000000' ? '000001' : '000000' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'ASSISTED.CONSENT_INVALID']);

    const street = await assist(topicId, 'street_officer', { residentId, optionId: 'yes', consent: { method: 'one_time_code', code } });
    expect(street.status).toBe(403);
    const otherGrid = await assist(topicId, 'grid_worker', {
      residentId,
      optionId: 'yes',
      consent: { method: 'signed_slip', slipPhotoId: 'photo-1', gridId: 'grid-hexie-02' },
    });
    expect([otherGrid.status, otherGrid.body.code]).toEqual([422, 'ASSISTED.GRID_MISMATCH']);

    app.clock.advance({ minutes: 11 });
    const expired = await assist(topicId, 'grid_worker', { residentId, optionId: 'yes', consent: { method: 'one_time_code', code } });
    expect([expired.status, expired.body.code, expired.body.errors[0].path]).toEqual([403, 'ASSISTED.CONSENT_INVALID', 'consent.code']);

    expect(await store().headPosition()).toBe(before);
    await login('resident', 'grid_worker', 'community_officer', 'street_officer');
  });

  it('counts an assisted ballot once and keeps it secret; the resident sees and withdraws it; the recount marks it assisted', async () => {
    const topicId = await topicInVoting();
    const residentId = subjectOf(as('resident'));

    const { code, expiresAt } = (await post('/consent-codes', 'resident')).body;
    expect(code).toMatch(/^\d{6}$/);
    expect(Date.parse(expiresAt) - app.clock.now().getTime()).toBe(10 * 60_000);
    const recorded = await assist(topicId, 'grid_worker', { residentId, optionId: 'yes', consent: { method: 'one_time_code', code } });
    expect(recorded.status).toBe(200);
    // The worker's view: recorded, never what.
    expect(recorded.body).toEqual({ topicId, residentId, status: 'recorded', ballotId: expect.any(String) });
    const again = await assist(topicId, 'grid_worker', { residentId, optionId: 'no', consent: { method: 'one_time_code', code } });
    expect([again.status, again.body.code]).toEqual([403, 'ASSISTED.CONSENT_INVALID']);

    const mine = await app.request('GET', `${api}/me/assisted`, { token: as('resident') });
    expect(myAssistedResponse.parse(mine.body).ballots).toEqual([
      expect.objectContaining({
        topicId,
        status: 'recorded',
        choice: ['yes'],
        withdrawable: true,
        consent: { method: 'one_time_code', slipPhotoId: null },
      }),
    ]);
    expect((await app.request('GET', `${api}/me/assisted`, { token: as('grid_worker') })).status).toBe(403);

    const withdrawn = await post(`/me/assisted/${topicId}/withdrawal`, 'resident');
    expect([withdrawn.status, withdrawn.body]).toEqual([200, { topicId, status: 'withdrawn' }]);
    expect((await app.request('GET', `${api}/me/assisted`, { token: as('resident') })).body.ballots[0]).toMatchObject({
      status: 'withdrawn',
      choice: null,
      withdrawable: false,
    });

    // Recorded again, on a signed slip whose photo is kept as evidence; then the close counts it once, as assisted.
    // The slip photos as grid-events announces them (the host e2e uploads real ones: vote-roll-and-assisted-ballots).
    const photos = app.platform.infrastructure.get('deliberation')!.dataSource.getRepository(StaffPhoto);
    await photos.save({ photoId: 'photo-slip-7', uploadedBy: subjectOf(as('grid_worker')), uploadedAt: app.clock.now().toISOString() });
    await photos.save({
      photoId: 'photo-slip-8',
      uploadedBy: subjectOf(as('community_officer')),
      uploadedAt: app.clock.now().toISOString(),
    });
    const slip = await assist(topicId, 'grid_worker', {
      residentId,
      optionId: 'no',
      consent: { method: 'signed_slip', slipPhotoId: 'photo-slip-7', gridId: 'grid-hexie-01' },
    });
    expect(slip.status).toBe(200);
    const comment = await post(`/topics/${topicId}/assisted-comments`, 'community_officer', {
      residentId,
      text: '希望充电桩装在车棚里',
      consent: { method: 'signed_slip', slipPhotoId: 'photo-slip-8', gridId: 'grid-hexie-01' },
    });
    expect([comment.status, comment.body.status]).toEqual([201, 'recorded']);

    app.clock.advance({ days: 3 });
    await login('resident', 'grid_worker', 'community_officer', 'street_officer');
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue();
    const closed = await app.request('GET', `${api}/topics/${topicId}`, { token: as('resident') });
    expect(closed.body.result).toMatchObject({
      ballotsCast: 1,
      assistedBallots: 1,
      tally: [
        { optionId: 'yes', votes: 0 },
        { optionId: 'no', votes: 1 },
        { optionId: 'abstain', votes: 0 },
      ],
    });
    const late = await post(`/me/assisted/${topicId}/withdrawal`, 'resident');
    expect([late.status, late.body.code]).toEqual([422, 'VOTING.CLOSED']);

    // No event carries a choice; the voter roll says assisted; the withdrawal is public without a choice.
    const log = (await store().readAll({ limit: 10_000 })).filter(
      (e) => e.streamId.includes(topicId) || e.streamId === `assisted-${residentId}`,
    );
    const types = log.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'BallotCast',
        'AssistedBallotRecorded',
        'BallotWithdrawn',
        'AssistedBallotWithdrawn',
        'AssistedCommentRecorded',
        'VotingClosed',
      ]),
    );
    for (const event of log.filter((e) =>
      ['BallotCast', 'AssistedBallotRecorded', 'BallotWithdrawn', 'AssistedBallotWithdrawn'].includes(e.type),
    )) {
      expect(JSON.stringify(event.data)).not.toMatch(/"(yes|no|abstain)"|choice|optionId/);
    }
    expect(log.filter((e) => e.type === 'BallotCast').map((e) => e.data)).toEqual([
      expect.objectContaining({ assisted: true }),
      expect.objectContaining({ assisted: true }),
    ]);
    expect(
      log.find((e) => e.type === 'AssistedBallotRecorded' && (e.data as { consent: { method: string } }).consent.method === 'signed_slip')
        ?.data,
    ).toMatchObject({
      consent: { slipPhotoId: 'photo-slip-7' },
    });
    // The service's own tables hold the choice only encrypted, and the consent code only as an HMAC.
    const dataSource = app.platform.infrastructure.get('deliberation')!.dataSource;
    const rows = JSON.stringify(await dataSource.query('SELECT * FROM deliberation_ballots'));
    expect(rows).not.toMatch(/"(yes|no|abstain)"/);
    expect(JSON.stringify(await dataSource.query('SELECT * FROM deliberation_consent_codes'))).not.toContain(`"${code}"`);
  });
});
