import { eventuallyPasses as eventually } from '@gongzhi/testing';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { coBuildingService } from './index';
import { fundLedgerResponse, projectsResponse, resourcesResponse } from './queries/public-lists/public-lists.http.controller';

const API = '/api/co-building';

describe('co-building over HTTP: a partner project from start to the income split, the lists, bookings, organisations', () => {
  let app: TestApp;
  let resident: string;
  let neighbour: string;
  let stranger: string;
  let officer: string;
  let streetOfficer: string;

  const register = async (username: string, displayName: string) => {
    const response = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'a-long-enough-password', displayName, communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    expect(response.status).toBe(201);
    return app.login(username, 'a-long-enough-password');
  };
  const stored = () => app.platform.infrastructure.get('co-building')!.eventStore.headPosition();

  beforeAll(async () => {
    app = await startTestApp([coBuildingService]);
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
    streetOfficer = await app.tokenFor('street_officer');
    neighbour = await register('liu.fang', '刘芳');
    stranger = await register('zhao.lei', '赵磊');
  });
  afterAll(() => app?.close());

  let roomId: string;

  it('lists the community’s activity room and a company’s offer; a resident lists a skill only', async () => {
    const room = await app.request('POST', `${API}/resources`, {
      token: officer,
      body: {
        kind: 'space',
        title: '活动室',
        description: '30 人',
        category: 'space.activity-room',
        tags: ['reading', 'meals'],
        opensAt: '08:00',
        closesAt: '21:00',
      },
    });
    expect(room).toMatchObject({ status: 201, body: { status: 'Listed', kind: 'space' } });
    roomId = room.body.resourceId;
    const offer = await app.request('POST', `${API}/resources`, {
      token: officer,
      body: {
        kind: 'service',
        title: '每周送餐',
        description: '附近餐厅',
        category: 'service.meals',
        tags: ['elderly', 'meals'],
        offeredByKind: 'company',
        offeredByName: '老饭店',
      },
    });
    expect(offer.status).toBe(201);
    const skill = await app.request('POST', `${API}/resources`, {
      token: resident,
      body: { kind: 'skill', title: '理发', description: '会理发', category: 'service.haircut', tags: ['elderly'] },
    });
    expect(skill).toMatchObject({ status: 201 });
    const space = await app.request('POST', `${API}/resources`, {
      token: resident,
      body: { kind: 'space', title: 'x', description: 'y', category: 'z', opensAt: '08:00', closesAt: '09:00' },
    });
    expect(space).toMatchObject({ status: 403, body: { code: 'RESOURCE.FORBIDDEN' } });
    await eventually(async () => {
      const listed = resourcesResponse.parse((await app.request('GET', `${API}/resources?communityId=community-hexie`)).body);
      expect(listed.map((r) => r.title)).toEqual(expect.arrayContaining(['活动室', '每周送餐', '理发']));
    });
  });

  it('runs a partner project: start (title + one line), team, resource request and decisions, activity, income split into the public fund', async () => {
    const started = await app.request('POST', `${API}/projects`, { token: resident, body: { title: '读书会', summary: '读一次书也算' } });
    expect(started).toMatchObject({ status: 201, body: { status: 'Active', communityId: 'community-hexie', teamSize: 1 } });
    const projectId = started.body.projectId as string;

    expect(await app.request('POST', `${API}/projects/${projectId}/team`, { token: neighbour })).toMatchObject({
      status: 200,
      body: { teamSize: 2 },
    });

    // Not a member: 403 naming the rule, nothing stored.
    const before = await stored();
    const refused = await app.request('POST', `${API}/projects/${projectId}/resource-requests`, {
      token: stranger,
      body: { resourceId: roomId, purpose: '借活动室' },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'PROJECT.FORBIDDEN' } });
    expect(refused.body.message).toContain('member of the team');
    expect(await stored()).toBe(before);

    const first = await app.request('POST', `${API}/projects/${projectId}/resource-requests`, {
      token: neighbour,
      body: { resourceId: roomId, purpose: '周六借活动室' },
    });
    expect(first.status).toBe(201);
    const second = await app.request('POST', `${API}/projects/${projectId}/resource-requests`, {
      token: resident,
      body: { resourceId: roomId, purpose: '周日也借' },
    });

    // Declining needs a reason: 400, nothing stored.
    const beforeDecline = await stored();
    const noReason = await app.request('POST', `${API}/projects/${projectId}/resource-requests/${second.body.requestId}/decline`, {
      token: officer,
      body: {},
    });
    expect(noReason).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await stored()).toBe(beforeDecline);

    expect(
      await app.request('POST', `${API}/projects/${projectId}/resource-requests/${first.body.requestId}/approve`, {
        token: officer,
        body: {},
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await app.request('POST', `${API}/projects/${projectId}/resource-requests/${second.body.requestId}/decline`, {
        token: officer,
        body: { reason: '周日已有安排' },
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await app.request('POST', `${API}/projects/${projectId}/resource-requests/${second.body.requestId}/approve`, {
        token: officer,
        body: {},
      }),
    ).toMatchObject({ status: 409, body: { code: 'PROJECT.REQUEST_ALREADY_DECIDED' } });

    expect(
      await app.request('POST', `${API}/projects/${projectId}/activities`, {
        token: neighbour,
        body: { heldOn: '2026-11-28', summary: '读《乡土中国》', participants: 12 },
      }),
    ).toMatchObject({ status: 201 });
    const income = await app.request('POST', `${API}/projects/${projectId}/income`, {
      token: resident,
      body: { source: 'space_rent', description: '周末场地出租', amountFen: 50_000 },
    });
    expect(income.status).toBe(201);
    await app.request('POST', `${API}/projects/${projectId}/income`, {
      token: officer,
      body: { source: 'service_fee', description: '课程服务费', amountFen: 10_001 },
    });

    // The fund's ledger is public: no token.
    const ledger = await eventually(async () => {
      const response = await app.request('GET', `${API}/fund/community-hexie/ledger`);
      expect(response.body.entries).toHaveLength(2);
      return response;
    });
    expect(ledger.status).toBe(200);
    expect(fundLedgerResponse.parse(ledger.body).entries).toEqual([
      expect.objectContaining({
        projectTitle: '读书会',
        source: 'space_rent',
        amountFen: 50_000,
        teamSharePercent: 70,
        teamShareFen: 35_000,
        fundShareFen: 15_000,
        balanceFen: 15_000,
      }),
      expect.objectContaining({ source: 'service_fee', amountFen: 10_001, teamShareFen: 7_001, fundShareFen: 3_000, balanceFen: 18_000 }),
    ]);
    expect(ledger.body.balanceFen).toBe(18_000);

    const project = await eventually(async () => {
      const response = await app.request('GET', `${API}/projects/${projectId}`);
      expect(response.body.activities).toBe(1);
      return response;
    });
    expect(project.body).toMatchObject({ teamSize: 2, participantsTotal: 12, teamIncomeFen: 42_001, fundIncomeFen: 18_000 });
    expect(project.body.requests.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([
      ['approved', null],
      ['declined', '周日已有安排'],
    ]);
    const projects = (await app.request('GET', `${API}/projects?communityId=community-hexie`)).body;
    expect(JSON.stringify(projects)).not.toContain('leaderId');
    expect(projectsResponse.parse(projects)).toContainEqual(expect.objectContaining({ projectId, teamSize: 2 }));
  });

  it('books the room; an overlapping slot is 409 naming the booked slot, nothing stored', async () => {
    const booked = await app.request('POST', `${API}/resources/${roomId}/bookings`, {
      token: resident,
      body: { day: '2026-11-29', from: '14:00', to: '16:00', purpose: '读书会' },
    });
    expect(booked.status).toBe(201);
    const before = await stored();
    const overlap = await app.request('POST', `${API}/resources/${roomId}/bookings`, {
      token: neighbour,
      body: { day: '2026-11-29', from: '15:00', to: '17:00', purpose: '棋牌' },
    });
    expect(overlap).toMatchObject({ status: 409, body: { code: 'SPACE.SLOT_TAKEN' } });
    expect(overlap.body.message).toContain('2026-11-29 14:00–16:00');
    expect(await stored()).toBe(before);
    const bookings = await eventually(async () => {
      const response = await app.request('GET', `${API}/resources/${roomId}/bookings?day=2026-11-29`);
      expect(response.body).toHaveLength(1);
      return response;
    });
    expect(bookings.body[0]).toMatchObject({ from: '14:00', to: '16:00' });
  });

  it('cancels a booking before its slot: the slot is free for someone else; another’s booking is 403, a second cancel 409; my bookings show it', async () => {
    const day = '2026-11-30';
    const mine = await app.request('POST', `${API}/resources/${roomId}/bookings`, {
      token: resident,
      body: { day, from: '10:00', to: '12:00', purpose: '读书会' },
    });
    expect(mine.status).toBe(201);
    const cancelMine = (token: string, body: Record<string, unknown> = { day }) =>
      app.request('POST', `${API}/resources/${roomId}/bookings/${mine.body.bookingId}/cancel`, { token, body });

    const before = await stored();
    expect(await cancelMine(stranger)).toMatchObject({ status: 403, body: { code: 'BOOKING.FORBIDDEN' } });
    expect(await stored()).toBe(before);

    expect(await cancelMine(resident)).toMatchObject({ status: 200, body: { status: 'cancelled', bookingsOfTheDay: [] } });
    expect(await cancelMine(resident)).toMatchObject({ status: 409, body: { code: 'BOOKING.ALREADY_CANCELLED' } });

    const theirs = await app.request('POST', `${API}/resources/${roomId}/bookings`, {
      token: neighbour,
      body: { day, from: '10:00', to: '12:00', purpose: '棋牌' },
    });
    expect(theirs.status).toBe(201);
    const availability = await eventually(async () => {
      const response = await app.request('GET', `${API}/resources/${roomId}/bookings?day=${day}`);
      expect(response.body.map((b: { bookingId: string }) => b.bookingId)).toEqual([theirs.body.bookingId]);
      return response;
    });
    expect(availability.body[0]).toMatchObject({ from: '10:00', to: '12:00', purpose: '棋牌' });
    expect(JSON.stringify(availability.body)).not.toContain('bookedBy');

    const myBookings = await eventually(async () => {
      const response = await app.request('GET', `${API}/bookings/mine`, { token: resident });
      expect(response.body.find((b: { bookingId: string }) => b.bookingId === mine.body.bookingId)).toMatchObject({ status: 'cancelled' });
      return response;
    });
    expect(myBookings.body.find((b: { bookingId: string }) => b.bookingId === mine.body.bookingId)).toMatchObject({
      day,
      from: '10:00',
      cancelledAs: 'booker',
    });
    expect(myBookings.body.map((b: { bookingId: string }) => b.bookingId)).not.toContain(theirs.body.bookingId);
    expect(await app.request('GET', `${API}/bookings/mine`)).toMatchObject({ status: 401 });

    // An officer of the community cancels anyone's booking, with a reason.
    const cancelTheirs = (body: Record<string, unknown>) =>
      app.request('POST', `${API}/resources/${roomId}/bookings/${theirs.body.bookingId}/cancel`, { token: officer, body });
    expect(await cancelTheirs({ day })).toMatchObject({ status: 400, body: { code: 'BOOKING.REASON_REQUIRED' } });
    expect(await cancelTheirs({ day, reason: '活动室临时检修' })).toMatchObject({ status: 200 });
    await eventually(async () => {
      const response = await app.request('GET', `${API}/bookings/mine`, { token: neighbour });
      expect(response.body.find((b: { bookingId: string }) => b.bookingId === theirs.body.bookingId)).toMatchObject({
        status: 'cancelled',
        cancelledAs: 'community_officer',
        cancellationReason: '活动室临时检修',
      });
    });
  });

  it('does not cancel a booking whose slot has started (city time)', async () => {
    const booked = await app.request('POST', `${API}/resources/${roomId}/bookings`, {
      token: neighbour,
      body: { day: '2026-11-27', from: '09:00', to: '10:00', purpose: '太极' },
    });
    expect(booked.status).toBe(201);
    const now = app.clock.now();
    app.clock.set('2026-11-27T01:30:00.000Z'); // 09:30 in Shanghai
    try {
      const neighbourThen = await app.login('liu.fang', 'a-long-enough-password'); // the day-old token has expired
      const before = await stored();
      const late = await app.request('POST', `${API}/resources/${roomId}/bookings/${booked.body.bookingId}/cancel`, {
        token: neighbourThen,
        body: { day: '2026-11-27' },
      });
      expect(late).toMatchObject({ status: 409, body: { code: 'BOOKING.SLOT_STARTED' } });
      expect(late.body.message).toContain('2026-11-27 09:00–10:00');
      expect(await stored()).toBe(before);
    } finally {
      app.clock.set(now);
    }
  });

  it('spends from the community fund: officers only, never more than the balance; the public ledger shows where the money went', async () => {
    const spend = (token: string, body: Record<string, unknown>) =>
      app.request('POST', `${API}/fund/community-hexie/spendings`, { token, body });
    const before = await stored();
    expect(await spend(resident, { amountFen: 100, purpose: '买花' })).toMatchObject({ status: 403 });
    const overspent = await spend(officer, { amountFen: 18_001, purpose: '楼道灯更换' });
    expect(overspent).toMatchObject({
      status: 422,
      body: { code: 'FUND.INSUFFICIENT_BALANCE', errors: [expect.objectContaining({ path: 'amountFen' })] },
    });
    expect(overspent.body.message).toContain('18000 fen');
    const nothing = await spend(officer, { amountFen: 0, purpose: '楼道灯更换' });
    expect(nothing).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ path: 'amountFen' })] },
    });
    expect(await stored()).toBe(before);

    const spent = await spend(officer, { amountFen: 12_000, purpose: '楼道灯更换', councilTopicId: 'topic-42' });
    expect(spent).toMatchObject({ status: 201, body: { amountFen: 12_000, councilTopicId: 'topic-42' } });
    expect(await spend(officer, { amountFen: 6_001, purpose: '再买点' })).toMatchObject({
      status: 422,
      body: { code: 'FUND.INSUFFICIENT_BALANCE' },
    });

    const ledger = await eventually(async () => {
      const response = await app.request('GET', `${API}/fund/community-hexie/ledger`);
      expect(response.body.entries).toHaveLength(3);
      return response;
    });
    expect(ledger.body.entries.map((e: { kind: string; balanceFen: number }) => [e.kind, e.balanceFen])).toEqual([
      ['income', 15_000],
      ['income', 18_000],
      ['spending', 6_000],
    ]);
    expect(ledger.body.entries[2]).toMatchObject({
      spendingId: spent.body.spendingId,
      amountFen: 12_000,
      purpose: '楼道灯更换',
      councilTopicId: 'topic-42',
    });
    expect(ledger.body).toMatchObject({ incomeFen: 18_000, spentFen: 12_000, balanceFen: 6_000 });

    // Simultaneous spendings meet at the fund's stream: together they never exceed the balance.
    const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => spend(officer, { amountFen: 2_500, purpose: `活动物资 ${i}` })));
    const won = racing.filter((r) => r.status === 201);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(won.length).toBeLessThanOrEqual(2);
    for (const refused of racing.filter((r) => r.status !== 201))
      expect(['FUND.INSUFFICIENT_BALANCE', 'COMMAND.CONCURRENCY_CONFLICT']).toContain(refused.body.code);
    const after = await eventually(async () => {
      const response = await app.request('GET', `${API}/fund/community-hexie/ledger`);
      expect(response.body.entries).toHaveLength(3 + won.length);
      return response;
    });
    expect(after.body.balanceFen).toBe(6_000 - 2_500 * won.length);
    expect(fundLedgerResponse.parse(after.body).entries.filter((e) => e.kind === 'spending')).not.toHaveLength(0);
  });

  it('posts a need and proposes resources for it with the reasons (public)', async () => {
    const need = await app.request('POST', `${API}/needs`, {
      token: resident,
      body: { title: '老人午餐', description: '独居老人中午吃饭难', category: 'service.meals', tags: ['elderly', 'meals'] },
    });
    expect(need.status).toBe(201);
    const matches = await eventually(async () => {
      const response = await app.request('GET', `${API}/needs/${need.body.needId}/matches`);
      expect(response.status).toBe(200);
      return response;
    });
    expect(matches.body.matches[0]).toMatchObject({ resource: { title: '每周送餐' }, score: 7 });
    expect(matches.body.matches[0].reasons).toContain('same category: service.meals');
  });

  it('registers an organisation and keeps its grades with their history', async () => {
    const registered = await app.request('POST', `${API}/organisations`, {
      token: officer,
      body: { name: '和谐社区老年协会', communityId: 'community-hexie', kind: 'mutual_aid', services: ['助餐', '探访'] },
    });
    expect(registered.status).toBe(201);
    const id = registered.body.organisationId;
    expect(
      await app.request('POST', `${API}/organisations/${id}/grades`, {
        token: officer,
        body: { grade: '3A', evaluatedOn: '2024-06-01', validUntil: '2027-05-31' },
      }),
    ).toMatchObject({ status: 403 });
    await app.request('POST', `${API}/organisations/${id}/grades`, {
      token: streetOfficer,
      body: { grade: '3A', evaluatedOn: '2024-06-01', validUntil: '2027-05-31' },
    });
    await app.request('POST', `${API}/organisations/${id}/grades`, {
      token: streetOfficer,
      body: { grade: '4A', evaluatedOn: '2026-11-20', validUntil: '2029-11-19' },
    });
    const organisation = await eventually(async () => {
      const response = await app.request('GET', `${API}/organisations/${id}`);
      expect(response.body.grades).toHaveLength(2);
      return response;
    });
    expect(organisation.body).toMatchObject({ grade: '4A', services: ['助餐', '探访'], grades: [{ grade: '3A' }, { grade: '4A' }] });
  });

  it('acts only in the caller’s own community: another community named in the body or path is 403, nothing stored', async () => {
    const elsewhere = 'community-xingfu';
    const before = await stored();
    const answers = [
      await app.request('POST', `${API}/projects`, {
        token: resident,
        body: { title: '读书会', summary: '每周六下午一起读书', communityId: elsewhere },
      }),
      await app.request('POST', `${API}/needs`, {
        token: resident,
        body: { title: '老人午餐', description: '独居老人中午吃饭难', category: 'service.meals', communityId: elsewhere },
      }),
      await app.request('POST', `${API}/resources`, {
        token: officer,
        body: { kind: 'goods', title: '折叠椅', description: '20 把', category: 'goods.chairs', communityId: elsewhere },
      }),
      await app.request('POST', `${API}/organisations`, {
        token: officer,
        body: { name: '幸福社区舞蹈队', communityId: elsewhere, kind: 'culture_sports', services: ['广场舞'] },
      }),
      await app.request('POST', `${API}/fund/${elsewhere}/spendings`, { token: officer, body: { amountFen: 100, purpose: '买花' } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await stored()).toBe(before);
  });
});
