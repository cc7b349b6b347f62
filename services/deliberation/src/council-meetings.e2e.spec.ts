import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { sseReader, startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService, VOTING_SCHEDULER } from './index';
import { meetingRecordResponse } from './queries/get-meeting/meeting-record';

const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

describe('council meetings (红茶议事会) and their public record (直播) over HTTP', () => {
  let app: TestApp;
  const tokens: Partial<Record<Role, string>> = {};
  const api = '/api/deliberation/meetings';

  async function login(...roles: Role[]) {
    for (const role of roles) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      tokens[role] = await app.login(account.username, account.password);
    }
  }
  const roles: Role[] = ['resident', 'grid_worker', 'community_officer', 'supervisor'];
  const post = (path: string, role: Role, body?: unknown) => app.request('POST', `${api}${path}`, { token: tokens[role], body });
  const store = () => app.platform.infrastructure.get('deliberation')!.eventStore;

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    await login(...roles);
  });
  afterAll(() => app?.close());

  it('runs a meeting live: the public stream receives a decision while it runs, and the record stays afterwards', async () => {
    const moderatorId = subjectOf(tokens.grid_worker!);
    const scheduled = await post('', 'community_officer', {
      title: '红茶议事会：楼道堆物',
      scheduledAt: '2026-11-27T19:00:00+08:00',
      agenda: ['楼道堆物怎么清', '谁来监督'],
      moderatorId,
    });
    expect(scheduled.status).toBe(201);
    const { meetingId } = scheduled.body;

    const response = await fetch(`${app.url}${api}/${meetingId}/live`, { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const live = sseReader(response);
    const first = await live.next();
    expect(first.event).toBe('record');
    expect(first.data).toMatchObject({
      status: 'Scheduled',
      groundRules: ['不批评 No criticising', '不指责 No blaming', '不打断 No interrupting'],
      moderatorId,
    });

    expect((await post(`/${meetingId}/start`, 'resident')).status).toBe(403);
    expect((await post(`/${meetingId}/start`, 'grid_worker')).status).toBe(200);
    expect((await live.until('CouncilMeetingStarted')).data).toMatchObject({ meetingId });
    const decision = await post(`/${meetingId}/decisions`, 'grid_worker', {
      agendaItemId: 'item-1',
      text: '每月第一个周六统一清理',
      figures: { inFavour: 14, against: 1, abstaining: 2 },
    });
    expect(decision.status).toBe(201);
    const decided = await live.until('MeetingDecisionRecorded');
    expect(decided.data).toMatchObject({ text: '每月第一个周六统一清理', figures: { inFavour: 14, against: 1, abstaining: 2 } });

    expect((await post(`/${meetingId}/minutes`, 'grid_worker', { minutes: '到会 17 人，议定周六统一清理' })).status).toBe(200);
    expect((await post(`/${meetingId}/end`, 'grid_worker')).status).toBe(200);
    expect((await live.until('ended')).data).toMatchObject({ status: 'Ended' });
    await live.close();

    const record = await app.request('GET', `${api}/${meetingId}`);
    expect(record.status).toBe(200);
    expect(meetingRecordResponse.parse(record.body)).toMatchObject({
      status: 'Ended',
      agenda: [{ itemId: 'item-1' }, { itemId: 'item-2' }],
      decisions: [{ text: '每月第一个周六统一清理' }],
      minutes: '到会 17 人，议定周六统一清理',
    });
    expect((await app.request('GET', `${api}/no-such-meeting`)).status).toBe(404);
  });

  it('has an agreement signed by its parties (a non-party is refused) whose overdue commitment is flagged after its due date', async () => {
    const { meetingId } = (
      await post('', 'community_officer', {
        title: '红茶议事会：车棚',
        scheduledAt: '2026-11-27T19:00:00+08:00',
        agenda: ['车棚改造'],
        moderatorId: subjectOf(tokens.community_officer!),
      })
    ).body;
    await post(`/${meetingId}/start`, 'community_officer');
    const dueAt = new Date(app.clock.now().getTime() + 5 * 864e5).toISOString();
    const drafted = await post(`/${meetingId}/agreement`, 'community_officer', {
      title: '车棚改造协议',
      terms: '物业负责改造，居民代表监督',
      parties: [
        { partyId: 'community', kind: 'community', name: '和谐社区居委会', signatoryId: subjectOf(tokens.community_officer!) },
        { partyId: 'residents', kind: 'residents_representative', name: '居民代表', signatoryId: subjectOf(tokens.resident!) },
        { partyId: 'property', kind: 'property_company', name: '物业公司', signatoryId: subjectOf(tokens.supervisor!) },
      ],
      commitments: [
        { commitmentId: 'rebuild', partyId: 'property', description: '改造车棚并装充电桩', dueAt },
        { commitmentId: 'notice', partyId: 'community', description: '张贴公示', dueAt },
      ],
    });
    expect(drafted.status).toBe(201);

    const before = await store().headPosition();
    const stranger = await post(`/${meetingId}/agreement/signatures`, 'grid_worker');
    expect([stranger.status, stranger.body.code]).toEqual([403, 'AGREEMENT.FORBIDDEN']);
    expect(await store().headPosition()).toBe(before);

    for (const role of ['community_officer', 'resident', 'supervisor'] as const)
      expect((await post(`/${meetingId}/agreement/signatures`, role)).status).toBe(201);
    expect((await post(`/${meetingId}/agreement/signatures`, 'resident')).status).toBe(409);
    expect((await post(`/${meetingId}/agreement/commitments/notice/completion`, 'community_officer', { note: '已张贴' })).status).toBe(200);

    const signed = meetingRecordResponse.parse((await app.request('GET', `${api}/${meetingId}`)).body);
    expect(signed.agreement).toMatchObject({
      concludedAt: expect.any(String),
      parties: [{ signedAt: expect.any(String) }, { signedAt: expect.any(String) }, { signedAt: expect.any(String) }],
    });

    app.clock.advance({ days: 5, seconds: 1 });
    await login(...roles);
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue();
    const after = (await app.request('GET', `${api}/${meetingId}`)).body;
    expect(after.agreement.commitments).toEqual([
      expect.objectContaining({ commitmentId: 'rebuild', status: 'overdue' }),
      expect.objectContaining({ commitmentId: 'notice', status: 'completed', late: false }),
    ]);
    const overdue = (await store().readStream(`meeting-${meetingId}`)).events.filter((e) => e.type === 'CommitmentOverdue');
    expect(overdue.map((e) => e.data)).toEqual([expect.objectContaining({ commitmentId: 'rebuild', partyId: 'property' })]);

    const completedLate = await post(`/${meetingId}/agreement/commitments/rebuild/completion`, 'supervisor', { note: '已完工' });
    expect(completedLate.status).toBe(200);
    expect((await app.request('GET', `${api}/${meetingId}`)).body.agreement.commitments[0]).toMatchObject({
      status: 'completed',
      late: true,
    });
  });
});
