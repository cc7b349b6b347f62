import { randomUUID } from 'node:crypto';
import type { PrincipalScope } from '@gongzhi/identity';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { coBuildingService } from './index';

// Issue #15: partner projects and spaces are open to the residents of their community, unless the starter or the
// officer marks them open to the street or the whole city; the place comes from the organisation tree.

const API = '/api/co-building';
const nanjingdong = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong' };
const xingfu = { ...nanjingdong, communityId: 'community-xingfu', gridId: 'grid-xingfu-01' };
const yanping = {
  cityId: 'city-shanghai',
  districtId: 'district-jingan',
  streetId: 'street-jingansi',
  communityId: 'community-yanping',
  gridId: 'grid-yanping-01',
};

describe('who may join a partner project and book a space', () => {
  let app: TestApp;
  let resident: string;
  let officer: string;
  const residentOf = (scope: PrincipalScope) =>
    app.tokenAs({ subject: `resident-${randomUUID()}`, roles: ['resident'], scope, verification: 'unverified' });
  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });

  beforeAll(async () => {
    app = await startTestApp([coBuildingService]);
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
  });
  afterAll(() => app?.close());

  it("keeps a project to its community's residents unless it is marked open to the street or the city", async () => {
    const start = async (openTo?: string) =>
      (await post(`${API}/projects`, resident, { title: '读书会', summary: '每周六', ...(openTo ? { openTo } : {}) })).body.projectId;
    const own = await start();
    const street = await start('street');
    const city = await start('city');
    const join = async (projectId: string, scope: PrincipalScope) =>
      (await post(`${API}/projects/${projectId}/team`, await residentOf(scope))).status;

    expect(await join(own, xingfu)).toBe(403);
    expect(await join(street, xingfu)).toBe(200);
    expect(await join(street, yanping)).toBe(403);
    expect(await join(city, yanping)).toBe(200);
    expect(await post(`${API}/projects`, resident, { title: '读书会', summary: '每周六', openTo: 'world' })).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'openTo' }] },
    });
  });

  it("books a space for its community's residents, or its street's when the officer opens it to them", async () => {
    const list = async (openTo?: string) =>
      (
        await post(`${API}/resources`, officer, {
          kind: 'space',
          title: '活动室',
          description: '30 人',
          category: 'space.activity-room',
          tags: [],
          opensAt: '08:00',
          closesAt: '21:00',
          ...(openTo ? { openTo } : {}),
        })
      ).body.resourceId;
    const own = await list();
    const street = await list('street');
    const book = async (resourceId: string, scope: PrincipalScope, from: string) =>
      post(`${API}/resources/${resourceId}/bookings`, await residentOf(scope), {
        day: '2026-11-28',
        from,
        to: `${Number(from.slice(0, 2)) + 1}:00`,
        purpose: '读书会',
      });

    expect(await book(own, xingfu, '10:00')).toMatchObject({ status: 403, body: { code: 'PROJECT.FORBIDDEN' } });
    expect((await book(street, xingfu, '10:00')).status).toBe(201);
    expect((await book(street, yanping, '12:00')).status).toBe(403);
    expect(
      (await post(`${API}/resources/${own}/bookings`, resident, { day: '2026-11-28', from: '10:00', to: '11:00', purpose: '读书会' }))
        .status,
    ).toBe(201);
  });
});
