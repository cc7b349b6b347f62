import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { coBuildingService } from '../../index';
import { myTeamResponse } from './my-team.http.controller';

// Issue 20 item 6: the app offers 加入团队 only to a resident not on the team yet; this is what it asks.
// Each resident learns only their own place on a team: the answer never lists the team.

const API = '/api/co-building';
const hexie = {
  cityId: 'city-shanghai',
  districtId: 'district-huangpu',
  streetId: 'street-nanjingdong',
  communityId: 'community-hexie',
  gridId: 'grid-hexie-01',
};

describe('whether I am on a project team', () => {
  let app: TestApp;
  let leader: string;
  const neighbour = () => app.tokenAs({ subject: `resident-${randomUUID()}`, roles: ['resident'], scope: hexie, verification: 'verified' });
  const me = (projectId: string, token?: string) => app.request('GET', `${API}/projects/${projectId}/team/me`, token ? { token } : {});

  beforeAll(async () => {
    app = await startTestApp([coBuildingService]);
    leader = await app.tokenFor('resident');
  });
  afterAll(() => app?.close());

  it('says the leader leads, a joiner is on the team, and anyone else is not, naming nobody', async () => {
    const { projectId } = (
      await app.request('POST', `${API}/projects`, { token: leader, body: { title: '楼道花园', summary: '一起种花' } })
    ).body;
    const leads = await me(projectId, leader);
    expect([leads.status, myTeamResponse.parse(leads.body)]).toEqual([200, { member: true, leader: true }]);

    const joiner = await neighbour();
    expect((await me(projectId, joiner)).body).toEqual({ member: false, leader: false });
    expect((await app.request('POST', `${API}/projects/${projectId}/team`, { token: joiner })).status).toBe(200);
    expect((await me(projectId, joiner)).body).toEqual({ member: true, leader: false });

    // Someone else learns nothing of the others: only that they are not on it.
    expect((await me(projectId, await neighbour())).body).toEqual({ member: false, leader: false });
  });

  it('answers a made-up project as one the caller is not on, and refuses the unsigned and the staff', async () => {
    expect((await me(`made-up-${randomUUID()}`, leader)).body).toEqual({ member: false, leader: false });
    expect((await me('any')).status).toBe(401);
    expect((await me('any', await app.tokenFor('community_officer'))).status).toBe(403);
  });
});
