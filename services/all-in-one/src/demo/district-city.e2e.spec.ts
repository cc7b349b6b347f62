import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@gongzhi/eventsourcing';
import { AccessTokenSigner, DEFAULT_ISSUER_SETTINGS, type Principal } from '@gongzhi/identity';
import { freePort, startHostProcess, type HostProcess } from '@gongzhi/testing';

// `GONGZHI_DEMO_SCALE=district` grows grid-events' reference data by generated streets (street-scale-N) of five
// communities each. Every service of the host decides scoped authority on that tree, not on the shipped city's alone.
describe('the host on a district-sized demo city', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-district-host-'));
  const secret = randomBytes(32).toString('hex');
  const signer = new AccessTokenSigner(secret, DEFAULT_ISSUER_SETTINGS, systemClock);
  let port: number;
  let host: HostProcess;

  const SCALE_1 = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-scale-1' };
  const streetOfficer: Principal = {
    subject: 'street-scale-1-officer',
    roles: ['street_officer'],
    scope: SCALE_1,
    verification: 'verified',
  };
  const admin: Principal = { subject: 'city-admin', roles: ['admin'], scope: { cityId: 'city-shanghai' }, verification: 'verified' };

  async function send(method: string, path: string, who: Principal, body?: unknown) {
    const { accessToken } = await signer.sign(who);
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const formTeam = (communityId: string, who: Principal, name: string) =>
    send('POST', `/api/deliberation/communities/${communityId}/volunteer-teams`, who, { name });
  const openContest = (communityId: string, who: Principal) =>
    send('POST', '/api/points/contests', who, {
      kind: 'idea',
      title: '金点子',
      communityId,
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      prizePoints: 50,
    });

  beforeAll(async () => {
    port = await freePort();
    host = await startHostProcess({
      PORT: String(port),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_DEMO_SCALE: 'district',
      GONGZHI_AUTH_SECRET: secret,
      GONGZHI_DEMO_LIFE_RATE: '0',
    });
    if (host.process.exitCode !== null) throw new Error(`the host did not start:\n${host.output()}`);
  }, 120_000);
  afterAll(async () => {
    if (host?.process.exitCode === null) {
      host.process.kill('SIGTERM');
      await host.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets a generated street's officer act in its communities and in no other street's", async () => {
    expect(await formTeam('community-scale-1', streetOfficer, '环保志愿队')).toMatchObject({
      status: 201,
      body: { communityId: 'community-scale-1' },
    });
    expect(await formTeam('community-scale-6', streetOfficer, '环保志愿队')).toMatchObject({
      status: 403,
      body: { code: 'VOLUNTEER_TEAM.FORBIDDEN' },
    });
    expect((await openContest('community-scale-1', streetOfficer)).status).toBe(201);
    expect(await openContest('community-scale-6', streetOfficer)).toMatchObject({ status: 403 });
    expect((await send('GET', '/api/department-dispatch/communities/community-scale-5/tasks', streetOfficer)).status).toBe(200);
    expect((await send('GET', '/api/department-dispatch/communities/community-scale-6/tasks', streetOfficer)).status).toBe(403);
  });

  it('refuses even an admin a community no tree knows, naming the field, and takes a generated one', async () => {
    expect(await formTeam('community-nowhere', admin, '护河队')).toMatchObject({
      status: 400,
      body: {
        code: 'VOLUNTEER_TEAM.UNKNOWN_COMMUNITY',
        message: 'community-nowhere is not a community of the city',
        errors: [{ path: 'communityId' }],
      },
    });
    expect(await openContest('community-nowhere', admin)).toMatchObject({
      status: 400,
      body: { code: 'CONTEST.UNKNOWN_COMMUNITY', errors: [{ path: 'communityId' }] },
    });
    expect((await formTeam('community-scale-40', admin, '护河队')).status).toBe(201);
  });
});
