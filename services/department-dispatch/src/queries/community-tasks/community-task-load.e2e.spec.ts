import { randomUUID } from 'node:crypto';
import type { Principal, PrincipalScope, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { departmentDispatchService } from '../../index';
import { communityTasksAnswer, pushedTasksAnswer, streetTaskLoadAnswer } from './community-tasks.response';

const API = '/api/department-dispatch';
const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };

describe('tasks pushed down to communities (上面千条线，下面一根针) over HTTP', () => {
  let app: TestApp;
  const as = (role: Role, scope: PrincipalScope) =>
    app.tokenAs({ subject: `${role}-${randomUUID()}`, roles: [role], scope, verification: 'verified' } satisfies Principal);
  const huanbao = () => as('department_staff', { ...huangpu, departmentId: 'dept-huanbao' });
  const chengguan = () => as('department_staff', { ...huangpu, departmentId: 'dept-chengguan' });
  const hexieOfficer = () => as('community_officer', { ...nanjingdong, communityId: 'community-hexie' });
  const xingfuOfficer = () => as('community_officer', { ...nanjingdong, communityId: 'community-xingfu' });
  const streetOfficer = () => as('street_officer', nanjingdong);
  const inHours = (hours: number) => new Date(app.clock.now().getTime() + hours * 3_600_000).toISOString();
  const push = async (token: string, departmentId: string, body: Record<string, unknown>) =>
    app.request('POST', `${API}/departments/${departmentId}/community-tasks`, { token, body });
  const events = async () => (await app.platform.infrastructure.get('department-dispatch')!.eventStore.readAll()).map((e) => e.type);

  beforeAll(async () => {
    app = await startTestApp([departmentDispatchService]);
  });
  afterAll(() => app?.close());

  it('refuses bad pushes with the field at fault, and pushes in another department’s name, storing nothing', async () => {
    const staff = await huanbao();
    const tooSoon = await push(staff, 'dept-huanbao', { communityId: 'community-hexie', title: '今晚报数', dueAt: inHours(3) });
    expect(tooSoon).toMatchObject({ status: 400, body: { code: 'COMMUNITY_TASK.TOO_SOON', errors: [{ path: 'dueAt' }] } });
    const nowhere = await push(staff, 'dept-huanbao', { communityId: 'community-nowhere', title: '核查', dueAt: inHours(72) });
    expect(nowhere).toMatchObject({ status: 400, body: { code: 'COMMUNITY_TASK.UNKNOWN_COMMUNITY', errors: [{ path: 'communityId' }] } });
    const noTitle = await push(staff, 'dept-huanbao', { communityId: 'community-hexie', title: ' ', dueAt: 'next week' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueAt', 'title']);
    // 城管 staff cannot push a task in 民政's name, nor can a community officer push at all.
    expect((await push(await chengguan(), 'dept-huanbao', { communityId: 'community-hexie', title: 't', dueAt: inHours(72) })).status).toBe(
      403,
    );
    expect(
      (await push(await hexieOfficer(), 'dept-huanbao', { communityId: 'community-hexie', title: 't', dueAt: inHours(72) })).status,
    ).toBe(403);
    expect(await events()).toEqual([]);
  });

  it('shows the street each community’s load by source, heaviest first, and lets only the community report a task done', async () => {
    const huanbaoStaff = await huanbao();
    const chengguanStaff = await chengguan();
    const pushed: string[] = [];
    for (const [token, department, community, title, hours] of [
      [huanbaoStaff, 'dept-huanbao', 'community-hexie', '垃圾分类入户宣传', 48],
      [huanbaoStaff, 'dept-huanbao', 'community-hexie', '垃圾分类桶站点位报送', 30],
      [chengguanStaff, 'dept-chengguan', 'community-hexie', '沿街商铺门前三包签约', 24 * 10],
      [chengguanStaff, 'dept-chengguan', 'community-xingfu', '违建摸排', 24 * 5],
    ] as const) {
      const answer = await push(token, department, { communityId: community, title, dueAt: inHours(hours) });
      expect(answer.status).toBe(201);
      pushed.push(answer.body.taskId);
    }

    // 40 hours on, the 点位报送 is late; the officer of 和谐 reports the 宣传 done in time.
    app.clock.advance({ hours: 40 });
    const hexie = await hexieOfficer();
    const notTheirs = await app.request('POST', `${API}/community-tasks/${pushed[0]}/complete`, {
      token: await xingfuOfficer(),
      body: { note: '不是我们的' },
    });
    expect(notTheirs).toMatchObject({ status: 403, body: { code: 'COMMUNITY_TASK.FORBIDDEN' } });
    const done = await app.request('POST', `${API}/community-tasks/${pushed[0]}/complete`, {
      token: hexie,
      body: { note: '已入户宣传 312 户' },
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'Done' } });
    const again = await app.request('POST', `${API}/community-tasks/${pushed[0]}/complete`, { token: hexie, body: { note: '再报一次' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'COMMUNITY_TASK.ALREADY_DONE' } });

    const street = await streetOfficer();
    await eventuallyPasses(async () => {
      const load = await app.request('GET', `${API}/streets/street-nanjingdong/task-load`, { token: street });
      expect(load.status).toBe(200);
      expect(load.body.communities).toEqual([
        {
          communityId: 'community-hexie',
          open: 2,
          overdue: 1,
          dueWithinWeek: 0,
          done: 1,
          doneLate: 0,
          bySource: [
            { departmentId: 'dept-huanbao', open: 1, overdue: 1, total: 2 },
            { departmentId: 'dept-chengguan', open: 1, overdue: 0, total: 1 },
          ],
        },
        expect.objectContaining({ communityId: 'community-xingfu', open: 1, overdue: 0, dueWithinWeek: 1 }),
      ]);
      // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
      streetTaskLoadAnswer.parse(load.body);
    });

    // The community sees its own list, open first and soonest due first; a neighbouring community does not.
    const own = await app.request('GET', `${API}/communities/community-hexie/tasks`, { token: hexie });
    expect(own.body.tasks.map((t: { title: string }) => t.title)).toEqual([
      '垃圾分类桶站点位报送',
      '沿街商铺门前三包签约',
      '垃圾分类入户宣传',
    ]);
    communityTasksAnswer.parse(own.body);
    expect((await app.request('GET', `${API}/communities/community-hexie/tasks`, { token: await xingfuOfficer() })).status).toBe(403);
    // Another street's officer sees neither the load nor the list; a resident sees nothing.
    const waitan = await as('street_officer', { ...huangpu, streetId: 'street-waitan' });
    expect((await app.request('GET', `${API}/streets/street-nanjingdong/task-load`, { token: waitan })).status).toBe(403);
    expect((await app.request('GET', `${API}/communities/community-hexie/tasks`, { token: waitan })).status).toBe(403);
    const resident = await as('resident', { ...nanjingdong, communityId: 'community-hexie', gridId: 'grid-hexie-01' });
    expect((await app.request('GET', `${API}/streets/street-nanjingdong/task-load`, { token: resident })).status).toBe(403);
    // A department sees what it pushed, and only its own (fresh tokens: the clock moved past the first ones).
    const mine = await app.request('GET', `${API}/departments/dept-huanbao/community-tasks`, { token: await huanbao() });
    expect(mine.body.tasks.map((t: { title: string }) => t.title).sort()).toEqual(['垃圾分类入户宣传', '垃圾分类桶站点位报送']);
    pushedTasksAnswer.parse(mine.body);
    expect((await app.request('GET', `${API}/departments/dept-huanbao/community-tasks`, { token: await chengguan() })).status).toBe(403);
  });
});
