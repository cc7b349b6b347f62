import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from './index';

describe('council rotation over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
  });
  afterAll(async () => {
    await app.close();
  });

  it('a resident volunteers once, an officer starts a term from the volunteers, and the council shows display names only', async () => {
    const resident = await app.tokenFor('resident');
    const officer = await app.tokenFor('community_officer');
    const path = '/api/deliberation/councils/community-hexie';

    expect((await app.request('POST', `${path}/volunteers`, { token: resident, body: { displayName: '王阿姨' } })).status).toBe(201);
    const again = await app.request('POST', `${path}/volunteers`, { token: resident, body: { displayName: '王阿姨' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'COUNCIL.ALREADY_VOLUNTEERED' });

    const tooMany = await app.request('POST', `${path}/rotations`, { token: officer, body: { seats: 3 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ code: 'COUNCIL.TOO_FEW_VOLUNTEERS', errors: [{ path: 'seats' }] });
    expect((await app.request('POST', `${path}/rotations`, { token: resident, body: { seats: 1 } })).status).toBe(403);
    expect((await app.request('POST', `${path}/rotations`, { token: officer, body: { seats: 0 } })).status).toBe(400);

    const rotated = await app.request('POST', `${path}/rotations`, { token: officer, body: { seats: 1 } });
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ term: 1, members: [{ displayName: '王阿姨' }], volunteers: 1, returning: 0 });

    const council = await app.request('GET', path);
    expect(council.body).toEqual({ communityId: 'community-hexie', term: 1, members: [{ displayName: '王阿姨' }], volunteers: 1 });
  });
});
