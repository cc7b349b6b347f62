import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { accountViewSchema } from '../../account-view';
import { peopleAnswer } from './find-people.http.controller';

describe('finding a person by name for a form, within what the caller may see', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([]);
  });
  afterAll(() => app?.close());

  const find = async (token: string | undefined, query: string) => app.request('GET', `/api/auth/people?${query}`, { token });
  const names = (body: { items: { displayName: string }[] }) => body.items.map((p) => p.displayName);

  async function resident(displayName: string, communityId = 'community-hexie', gridId = 'grid-hexie-01') {
    const username = `r-${randomUUID().slice(0, 8)}`;
    const password = 'garden-gate-42';
    const { status, body } = await app.request('POST', '/api/auth/register', {
      body: { username, password, displayName, communityId, gridId },
    });
    expect(status).toBe(201);
    return { username, password, id: body.id as string };
  }

  it('gives a resident the people of their community by a part of their name, with nothing to sign in with', async () => {
    const { status, body } = await find(await app.tokenFor('resident'), `name=${encodeURIComponent('李建')}`);
    expect(status).toBe(200);
    expect(body.items).toEqual([{ id: expect.any(String), displayName: '李建国（网格员）', role: 'grid_worker' }]);
    const gridWorker = await app.request('GET', '/api/auth/me', { token: await app.tokenFor('grid_worker') });
    expect(body.items[0].id).toBe(gridWorker.body.subject);
    expect(Object.keys(body.items[0]).sort()).toEqual(['displayName', 'id', 'role']);
    // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
    peopleAnswer.parse(body);
  });

  it('narrows to residents or to staff, and includes the street officer over the community', async () => {
    const officer = await app.tokenFor('community_officer');
    const residents = await find(officer, `name=${encodeURIComponent('王秀')}&kind=resident`);
    expect(names(residents.body)).toEqual(['王秀英']);
    expect((await find(officer, `name=${encodeURIComponent('王秀')}&kind=staff`)).body.items).toEqual([]);
    const staff = await find(officer, `name=${encodeURIComponent('赵志强')}&kind=staff`);
    expect(names(staff.body)).toEqual(['赵志强（南京东路街道）']);
  });

  it('shows nobody of another community to a resident there, by name or by username', async () => {
    const elsewhere = await app.tokenAs({
      subject: randomUUID(),
      displayName: '外社区居民',
      roles: ['resident'],
      scope: { cityId: 'city-shanghai', streetId: 'street-other', communityId: 'community-other', gridId: 'grid-other-01' },
      verification: 'verified',
    });
    expect((await find(elsewhere, `name=${encodeURIComponent('王秀英')}`)).body.items).toEqual([]);
    expect((await find(elsewhere, 'name=demo-resident')).body.items).toEqual([]);
  });

  it('finds nobody unverified, refused or disabled: they could not confirm or take part', async () => {
    const marker = randomUUID().slice(0, 6);
    await resident(`待核实${marker}`);
    const refused = await resident(`已拒绝${marker}`);
    const disabled = await resident(`已停用${marker}`);
    const officer = await app.tokenFor('community_officer');
    expect(
      (await app.request('POST', `/api/auth/accounts/${refused.id}/refuse`, { token: officer, body: { reason: '查无此人' } })).status,
    ).toBe(200);
    expect((await app.request('POST', `/api/auth/accounts/${disabled.id}/verify`, { token: officer })).status).toBe(200);
    const admin = await app.tokenFor('admin');
    expect((await app.request('POST', `/api/auth/accounts/${disabled.id}/disable`, { token: admin })).status).toBe(200);
    expect((await find(officer, `name=${marker}`)).body.items).toEqual([]);
    expect((await find(admin, `name=${marker}`)).body.items).toEqual([]);
  });

  it('refuses an empty name with the field at fault, a caller without a patch, and a caller without a token', async () => {
    const empty = await find(await app.tokenFor('resident'), 'name=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    expect((await find(await app.tokenFor('resident'), 'name=a&kind=everyone')).status).toBe(400);
    expect((await find(await app.tokenFor('department_staff'), 'name=%E7%8E%8B')).status).toBe(403);
    expect((await find(undefined, 'name=%E7%8E%8B')).status).toBe(401);
  });

  it('names accounts by id for an admin only (an evaluator grant holds an id), and nothing for a made-up id', async () => {
    const evaluator = await app.request('GET', '/api/auth/me', { token: await app.tokenFor('evaluator') });
    const ids = `${evaluator.body.subject as string},made-up-${randomUUID()}`;
    const named = await app.request('GET', `/api/auth/people/named?ids=${encodeURIComponent(ids)}`, { token: await app.tokenFor('admin') });
    expect(named.status).toBe(200);
    expect(named.body.items).toEqual([{ id: evaluator.body.subject, displayName: '吴静（第三方评估机构）', role: 'evaluator' }]);
    for (const role of ['community_officer', 'resident', 'evaluator'] as const)
      expect(
        (await app.request('GET', `/api/auth/people/named?ids=${encodeURIComponent(ids)}`, { token: await app.tokenFor(role) })).status,
      ).toBe(403);
    expect((await app.request('GET', '/api/auth/people/named?ids=%20', { token: await app.tokenFor('admin') })).status).toBe(400);
  });
});

describe("a resident's own account: the reason an officer could not verify them", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([]);
  });
  afterAll(() => app?.close());

  it('tells the refused resident the reason in the words the officer wrote, and nobody else learns it', async () => {
    const username = `r-${randomUUID().slice(0, 8)}`;
    const registered = await app.request('POST', '/api/auth/register', {
      body: { username, password: 'garden-gate-42', displayName: '刘阿姨', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    const token = await app.login(username, 'garden-gate-42');
    const before = await app.request('GET', '/api/auth/me/account', { token });
    expect(before.body).toMatchObject({ id: registered.body.id, verification: 'unverified' });
    expect(before.body.refusal).toBeUndefined();

    const officer = await app.tokenFor('community_officer');
    const reason = '请带身份证到社区办公室核实住址';
    await app.request('POST', `/api/auth/accounts/${registered.body.id}/refuse`, { token: officer, body: { reason } });

    const after = await app.request('GET', '/api/auth/me/account', { token });
    expect(after.status).toBe(200);
    expect(after.body.refusal).toEqual({ at: expect.any(String), reason });
    accountViewSchema.parse(after.body);
    accountViewSchema.parse(before.body);
    expect(after.body.passwordHash).toBeUndefined();
    // Another person's token reads their own account, never this one.
    const other = await app.request('GET', '/api/auth/me/account', { token: await app.tokenFor('resident') });
    expect(other.body.id).not.toBe(registered.body.id);
    expect(other.body.refusal).toBeUndefined();
    expect((await app.request('GET', '/api/auth/me/account')).status).toBe(401);
  });

  it('answers 404 for a person the built-in issuer does not keep (signed in elsewhere)', async () => {
    const stranger = await app.tokenAs({
      subject: randomUUID(),
      displayName: '统一认证居民',
      roles: ['resident'],
      scope: { communityId: 'community-hexie' },
      verification: 'verified',
    });
    const answer = await app.request('GET', '/api/auth/me/account', { token: stranger });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'AUTH.ACCOUNT_NOT_FOUND' });
  });
});
