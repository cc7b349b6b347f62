import { randomUUID } from 'node:crypto';
import type { Principal, PrincipalScope, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { SERVICES } from '../services';
import { readAuthorityTable, type AuthorityRow } from './authority-table';
import { declaredRoutes } from './route-rules';

// Issue #15, "every authority is scoped": docs/authority.md lists every command with who may issue it and where;
// this spec holds the table to the code and sends every row an actor from the wrong place.

const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
const hexie = { ...nanjingdong, communityId: 'community-hexie' };
const xingfu = { ...nanjingdong, communityId: 'community-xingfu' };

const ACTORS: Record<string, { role: Role; scope: PrincipalScope; verified?: false }> = {
  'resident@hexie': { role: 'resident', scope: { ...hexie, gridId: 'grid-hexie-01' } },
  'resident@xingfu': { role: 'resident', scope: { ...xingfu, gridId: 'grid-xingfu-01' } },
  'resident@yanping': {
    role: 'resident',
    scope: {
      cityId: 'city-shanghai',
      districtId: 'district-jingan',
      streetId: 'street-jingansi',
      communityId: 'community-yanping',
      gridId: 'grid-yanping-01',
    },
  },
  'unverified@hexie': { role: 'resident', scope: { ...hexie, gridId: 'grid-hexie-01' }, verified: false },
  'grid_worker@hexie-02': { role: 'grid_worker', scope: { ...hexie, gridId: 'grid-hexie-02' } },
  'community_officer@hexie': { role: 'community_officer', scope: hexie },
  'community_officer@xingfu': { role: 'community_officer', scope: xingfu },
  'street_officer@waitan': { role: 'street_officer', scope: { ...huangpu, streetId: 'street-waitan' } },
  'supervisor@jingan': { role: 'supervisor', scope: { cityId: 'city-shanghai', districtId: 'district-jingan' } },
  'department_staff@jiaojing': { role: 'department_staff', scope: { ...huangpu, departmentId: 'dept-jiaojing' } },
};

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const inThreeDays = '2026-11-29T10:00:00+08:00';

/** Valid bodies, so that a refusal comes from the scope check and not from validation. */
const BODIES: Record<string, unknown> = {
  'POST /api/cases': { categoryCode: 'order.street-vending', description: '乱堆垃圾', location: { lat: 31.2385, long: 121.4778 } },
  'POST /api/cases/:caseId/accept': {},
  'POST /api/cases/:caseId/reject': { reason: '不属实' },
  'POST /api/cases/:caseId/merge': { intoCaseId: 'none' },
  'POST /api/cases/:caseId/merge-duplicate': { intoCaseId: 'none' },
  'POST /api/cases/:caseId/dispatch': { assigneeKind: 'department', departmentId: 'dept-chengguan' },
  'POST /api/cases/:caseId/escalate': { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: null },
  'POST /api/cases/:caseId/resolve': { notes: '已清理' },
  'POST /api/cases/:caseId/evaluate': { score: 1 },
  'POST /api/cases/:caseId/facility': { facilityId: 'none' },
  'POST /api/cases/:caseId/reopen': { reason: '没修好' },
  'POST /api/cases/:caseId/void': { reason: '不属实' },
  'POST /api/co-building/activities': {
    title: '茶话会',
    communityId: 'community-hexie',
    startsAt: '2026-12-10T14:00:00+08:00',
    capacity: 10,
    signUpOpensAt: '2026-11-26T10:00:00+08:00',
  },
  'POST /api/co-building/fund/:communityId/spendings': { amountFen: 100, purpose: '买花' },
  'POST /api/co-building/needs': { title: '需要', description: '需要帮助', category: 'elderly', tags: [], communityId: 'community-hexie' },
  'POST /api/co-building/organisations': { name: '互助会', communityId: 'community-hexie', kind: 'mutual_aid', services: ['陪伴'] },
  'POST /api/co-building/projects': { title: '读书会', summary: '每周六', communityId: 'community-hexie' },
  'POST /api/co-building/projects/:projectId/activities': { heldOn: '2026-11-25', summary: '读书', participants: 3 },
  'POST /api/co-building/projects/:projectId/income': { source: 'donation', description: '捐赠', amountFen: 100 },
  'POST /api/co-building/projects/:projectId/resource-requests': { resourceId: 'none', purpose: '借用' },
  'POST /api/co-building/projects/:projectId/resource-requests/:requestId/approve': {},
  'POST /api/co-building/projects/:projectId/resource-requests/:requestId/decline': { reason: '不行' },
  'POST /api/co-building/resources': {
    kind: 'space',
    title: '活动室',
    description: '二楼',
    category: 'space',
    tags: [],
    communityId: 'community-hexie',
    opensAt: '08:00',
    closesAt: '20:00',
  },
  'POST /api/co-building/resources/:resourceId/bookings': { day: '2026-11-28', from: '14:00', to: '15:00', purpose: '读书会' },
  'POST /api/co-building/resources/:resourceId/bookings/:bookingId/cancel': { day: '2026-11-28', reason: '占用' },
  'POST /api/deliberation/budgets': { communityId: 'community-hexie', year: 2027, baseAmountYuan: 100000 },
  'PUT /api/deliberation/budgets/:communityId/:year/ballot': { projectIds: ['none'] },
  'POST /api/deliberation/budgets/:communityId/:year/needs': { title: '路灯', description: '路灯坏了' },
  'POST /api/deliberation/budgets/:communityId/:year/needs/:needId/match': { provider: '电工', costYuan: 100 },
  'POST /api/deliberation/budgets/:communityId/:year/voting': { closesAt: inThreeDays },
  'POST /api/deliberation/budgets/:communityId/:year/projects/:projectId/completion': { summary: '完成' },
  'POST /api/deliberation/budgets/:communityId/:year/projects/:projectId/evaluations': { score: 1 },
  'POST /api/deliberation/budgets/:communityId/:year/projects/:projectId/progress': { percent: 50, note: '进行中' },
  'POST /api/deliberation/comments/:commentId/reports': { reason: 'spam' },
  'POST /api/deliberation/comments/:commentId/review': { outcome: 'removed', reason: '广告' },
  'POST /api/deliberation/councils/:communityId/rotations': { seats: 3 },
  'POST /api/deliberation/councils/:communityId/volunteers': { displayName: '小刘' },
  'POST /api/deliberation/communities/:communityId/volunteer-teams': { name: '环保志愿队' },
  'PUT /api/deliberation/communities/:communityId/volunteer-teams/:teamId/leader': { leaderId: 'resident-li' },
  'POST /api/deliberation/meetings': {
    communityId: 'community-hexie',
    title: '议事会',
    scheduledAt: inThreeDays,
    agenda: ['电梯'],
    moderatorId: 'someone',
  },
  'POST /api/deliberation/meetings/:meetingId/agreement': {
    title: '加装电梯协议',
    terms: '分摊费用',
    parties: [
      { partyId: 'community', kind: 'community', name: '和谐社区', signatoryId: 'officer' },
      { partyId: 'owners', kind: 'owners_committee', name: '业委会', signatoryId: 'owner' },
    ],
    commitments: [{ commitmentId: 'c-1', partyId: 'community', description: '联系施工方', dueAt: '2026-12-31T10:00:00+08:00' }],
  },
  'POST /api/deliberation/meetings/:meetingId/decisions': { text: '同意' },
  'POST /api/deliberation/meetings/:meetingId/minutes': { minutes: '纪要' },
  'POST /api/deliberation/meetings/:meetingId/agreement/commitments/:commitmentId/completion': { note: '完成' },
  'POST /api/deliberation/topics': { communityId: 'community-hexie', title: '加装电梯', description: '老人上下楼难' },
  'POST /api/deliberation/topics/:topicId/attendance': { residentIds: ['someone'] },
  'POST /api/deliberation/topics/:topicId/consultation': { draftPlan: '方案' },
  'POST /api/deliberation/topics/:topicId/decision': { result: 'adopted', reasons: '同意' },
  'POST /api/deliberation/topics/:topicId/discussion': { meetingAt: inThreeDays },
  'POST /api/deliberation/topics/:topicId/screening': { outcome: 'accepted' },
  'PUT /api/deliberation/residents/:residentId/volunteer-roles': { role: 'meeting-moderator', optedIn: true },
  'POST /api/deliberation/topics/:topicId/stakeholder-inputs': { stakeholder: '物业', input: '配合' },
  'POST /api/deliberation/topics/:topicId/voting': {
    closesAt: inThreeDays,
    options: { kind: 'yes_no_abstain' },
    eligibility: { scope: 'community', scopeId: 'community-hexie' },
    quorumPercent: 50,
    passThresholdPercent: 60,
  },
  'POST /api/deliberation/topics/:topicId/comments': { text: '支持' },
  'POST /api/deliberation/topics/:topicId/completion': { summary: '完成' },
  'POST /api/deliberation/topics/:topicId/progress': { percent: 50, note: '进行中' },
  'POST /api/deliberation/topics/:topicId/evaluations': { score: 1 },
  'POST /api/department-dispatch/streets/:streetId/whistles': {
    title: '占道',
    description: '占道经营',
    departmentIds: ['dept-chengguan'],
    leadDepartmentId: 'dept-chengguan',
  },
  'POST /api/department-dispatch/whistles/:whistleId/check-in': {},
  'POST /api/department-dispatch/whistles/:whistleId/task/complete': { notes: '完成' },
  'POST /api/department-dispatch/whistles/:whistleId/evaluations': { departmentId: 'dept-chengguan', score: 1 },
  'POST /api/grids/:gridId/base-records': {
    kind: 'facility',
    facilityKind: 'street_light',
    name: '路灯',
    buildingName: null,
    lat: null,
    long: null,
    condition: 'working',
  },
  'PATCH /api/grids/:gridId/base-records/:recordId': { condition: 'faulty' },
  'POST /api/grids/:gridId/base-records/:recordId/retire': { reason: '拆除' },
  'POST /api/points/time-bank/:volunteerId/entries/:entryId/reject': { reason: '不对' },
  'POST /api/points/rewards': { name: '社区食堂餐券', pricePoints: 100, stock: 10, communityId: 'community-hexie' },
  'POST /api/points/rewards/:rewardId/restock': { quantity: 5 },
  'POST /api/points/contests': {
    kind: 'idea',
    title: '金点子',
    communityId: 'community-hexie',
    startDate: '2026-11-20',
    endDate: '2026-12-31',
    prizePoints: 50,
  },
  'POST /api/points/contests/:contestId/ideas': { title: '加装座椅', description: '老人可以歇一歇' },
  'POST /api/points/contests/:contestId/votes': { entryId: 'entry-1' },
  'POST /api/points/contests/:contestId/scores': { entryId: 'entry-1', score: 7 },
  'POST /api/points/contests/:contestId/team': { teamId: 'team-1' },
  'POST /api/points/contests/:contestId/cleanliness': { buildingId: 'building-1', score: 5 },
  'POST /api/points/contests/:contestId/close': {},
};

describe('docs/authority.md: every command, who may issue it, and where', () => {
  const table = readAuthorityTable();
  let app: TestApp;
  const fixtures: Record<string, string> = {
    communityId: 'community-hexie',
    streetId: 'street-nanjingdong',
    departmentId: 'dept-chengguan',
    gridId: 'grid-hexie-01',
    year: '2026',
  };

  beforeAll(async () => {
    app = await startTestApp(SERVICES);
    const [resident, officer, streetOfficer] = await Promise.all([
      app.tokenFor('resident'),
      app.tokenFor('community_officer'),
      app.tokenFor('street_officer'),
    ]);
    const post = async (path: string, token: string, body: unknown, expected = [200, 201]) => {
      const answer = await app.request('POST', path, { token, body });
      if (!expected.includes(answer.status)) throw new Error(`fixture ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    // Everything the walk aims at lies in 和谐社区 (grid-hexie-01), 南京东路街道, 黄浦区.
    fixtures.id = (await app.request('GET', '/api/auth/me', { token: resident })).body.subject;
    const topics = '/api/deliberation/topics';
    fixtures.topicId = (await post(topics, resident, { title: '3号楼加装电梯', description: '老人上下楼难' })).topicId;
    await post(`${topics}/${fixtures.topicId}/screening`, officer, { outcome: 'accepted' });
    await post(`${topics}/${fixtures.topicId}/consultation`, officer, { draftPlan: '业主分摊方案' });
    await post(`${topics}/${fixtures.topicId}/discussion`, officer, { meetingAt: inThreeDays });
    fixtures.commentId = (await post(`${topics}/${fixtures.topicId}/comments`, resident, { text: '支持' })).commentId;
    await post('/api/deliberation/budgets', officer, { year: 2026, baseAmountYuan: 100000 });
    fixtures.meetingId = (
      await post('/api/deliberation/meetings', officer, {
        title: '议事会',
        scheduledAt: inThreeDays,
        agenda: ['电梯'],
        // A resident moderates only from the opted-in pool with the level for it (docs/privileges.md): the officer moderates here.
        moderatorId: (await app.request('GET', '/api/auth/me', { token: officer })).body.subject,
      })
    ).meetingId;
    await post(`/api/deliberation/meetings/${fixtures.meetingId}/start`, officer, {});
    await post(
      `/api/deliberation/meetings/${fixtures.meetingId}/agreement`,
      officer,
      BODIES['POST /api/deliberation/meetings/:meetingId/agreement'],
    );
    fixtures.commitmentId = 'c-1';
    fixtures.projectId = (await post('/api/co-building/projects', resident, { title: '读书会', summary: '每周六下午' })).projectId;
    fixtures.resourceId = (await post('/api/co-building/resources', officer, BODIES['POST /api/co-building/resources'])).resourceId;
    fixtures.bookingId = (
      await post(
        `/api/co-building/resources/${fixtures.resourceId}/bookings`,
        resident,
        BODIES['POST /api/co-building/resources/:resourceId/bookings'],
      )
    ).bookingId;
    fixtures.activityId = (await post('/api/co-building/activities', officer, BODIES['POST /api/co-building/activities'])).activityId;
    fixtures.caseId = (await post('/api/cases', resident, BODIES['POST /api/cases'])).caseId;
    fixtures.recordId = (
      await post('/api/grids/grid-hexie-01/base-records', await app.tokenFor('grid_worker'), BODIES['POST /api/grids/:gridId/base-records'])
    ).recordId;
    fixtures.facilityId = fixtures.recordId;
    fixtures.whistleId = (
      await post(
        `/api/department-dispatch/streets/street-nanjingdong/whistles`,
        streetOfficer,
        BODIES['POST /api/department-dispatch/streets/:streetId/whistles'],
      )
    ).whistleId;
    fixtures.teamId = (await post('/api/deliberation/communities/community-hexie/volunteer-teams', officer, { name: '巡河志愿队' })).teamId;
    fixtures.rewardId = (await post('/api/points/rewards', officer, { name: '社区食堂餐券', pricePoints: 100, stock: 10 })).rewardId;
    fixtures.contestId = (await post('/api/points/contests', officer, BODIES['POST /api/points/contests'])).contestId;
    fixtures.volunteerId = fixtures.id;
    fixtures.residentId = fixtures.id;
    fixtures.entryId = (
      await post('/api/points/time-bank/entries', resident, {
        serviceDate: '2026-11-25',
        hours: 2,
        activity: '陪老人',
        verifierId: 'organiser-1',
      })
    ).entryId;
    await eventuallyPasses(async () => {
      const comments = await app.request('GET', `${topics}/${fixtures.topicId}/comments`, { token: resident });
      expect(comments.body.total).toBe(1);
    });
  }, 120_000);
  afterAll(() => app?.close());

  it('lists every command the code serves, with the roles its @Allow names', () => {
    const code = new Map(declaredRoutes(app.app).map((route) => [key(route), route.who]));
    const documented = new Map(table.map((row) => [key(row), row.who]));
    const commands = [...code.keys()].filter((k) => !k.startsWith('GET '));
    expect(commands.filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented.keys()].filter((k) => !code.has(k))).toEqual([]);
    expect([...documented].filter(([k, who]) => code.get(k) !== who).map(([k, who]) => `${k}: table ${who}, code ${code.get(k)}`)).toEqual(
      [],
    );
  });

  it('names a known wrong-scope actor for every row that has one', () => {
    const unknown = table.filter((row) => row.answer !== null && row.wrongActor !== 'anonymous' && !ACTORS[row.wrongActor]);
    expect(unknown.map(key)).toEqual([]);
  });

  async function tokenOf(actor: string): Promise<string | undefined> {
    if (actor === 'anonymous') return undefined;
    const { role, scope, verified } = ACTORS[actor];
    const principal: Principal = {
      subject: `${actor}-${randomUUID()}`,
      roles: [role],
      scope,
      verification: verified === false ? 'unverified' : 'verified',
    };
    return app.tokenAs(principal);
  }

  const attacked = (row: AuthorityRow) => row.answer !== null;

  it('refuses the wrong-scope actor of every row, and changes nothing', async () => {
    const heads = async () =>
      Object.fromEntries(
        await Promise.all(
          [...app.platform.infrastructure].map(async ([name, infra]) => [name, await infra.eventStore.headPosition()] as const),
        ),
      );
    const before = await heads();
    const answers: string[] = [];
    const expected: string[] = [];
    for (const row of table.filter(attacked)) {
      const path = row.path.replace(/:(\w+)/g, (_, name: string) => fixtures[name] ?? 'none');
      const answer = await app.request(row.method, path, {
        token: await tokenOf(row.wrongActor),
        body: row.method === 'GET' ? undefined : (BODIES[key(row)] ?? {}),
      });
      answers.push(
        `${key(row)} as ${row.wrongActor}: ${answer.status}${answer.status === row.answer ? '' : ` ${JSON.stringify(answer.body)}`}`,
      );
      expected.push(`${key(row)} as ${row.wrongActor}: ${row.answer}`);
    }
    expect(answers).toEqual(expected);
    expect(await heads()).toEqual(before);
  }, 120_000);
});
