import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { deliberationService } from '@gongzhi/deliberation';
import { DEMO_ACCOUNTS, ReadOnlyAccounts } from '@gongzhi/identity';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { IDENTITY_SCHEMA, startIdentityService, startStandaloneService } from '@gongzhi/runtime';
import { freePort, freshTestDatabase, testKafkaBrokers } from '@gongzhi/testing';

/**
 * A distributed set with its own issuer: deliberation, started alone, draws every roll from the issuer's accounts
 * (schema `identity` of the set's PostgreSQL), read-only. An officer cannot type an electorate, and neither an
 * unverified account, a resident of another community nor a made-up id gets onto a roll or into the box.
 */
describe('deliberation alone in a set with its own issuer: the roll is the set’s verified residents', () => {
  const secret = randomBytes(32).toString('hex');
  let pgUrl: string;
  let identity: INestApplication;
  let deliberation: INestApplication;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const call = async (app: INestApplication, method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, date: response.headers.get('date')! };
  };
  const login = async (username: string, password: string) => {
    const answer = await call(identity, 'POST', '/api/auth/login', undefined, { username, password });
    expect(answer.status).toBe(200);
    return answer.body.accessToken as string;
  };
  const demoLogin = (role: string) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    return login(account.username, account.password);
  };
  /** A resident registers at the set's issuer; an officer of their place verifies them unless they are left unverified. */
  const register = async (name: string, communityId: string, gridId: string, verifier?: string) => {
    const username = `${name}-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const registered = await call(identity, 'POST', '/api/auth/register', undefined, {
      username,
      password,
      displayName: name,
      communityId,
      gridId,
    });
    expect(registered.status).toBe(201);
    ids[name] = registered.body.id;
    if (verifier) expect((await call(identity, 'POST', `/api/auth/accounts/${ids[name]}/verify`, verifier)).status).toBe(200);
    tokens[name] = await login(username, password);
  };

  // The ballot box reads its secret from the process's environment, as the service's own process does.
  const configuredBallotSecret = process.env['GONGZHI_BALLOT_SECRET'];

  beforeAll(async () => {
    process.env['GONGZHI_BALLOT_SECRET'] = randomBytes(48).toString('base64url');
    pgUrl = await freshTestDatabase('roll');
    identity = await startIdentityService({
      PORT: String(await freePort()),
      GONGZHI_PG_URL: pgUrl,
      GONGZHI_AUTH_SECRET: secret,
      GONGZHI_DEMO_DATA: 'true',
      GONGZHI_LOG_LEVEL: 'warn',
    });
    const env = {
      GONGZHI_MODE: 'distributed',
      GONGZHI_EVENT_STORE: 'postgres',
      GONGZHI_PG_URL: pgUrl,
      GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
      GONGZHI_LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
    };
    deliberation = await startStandaloneService(deliberationService, loadConfig(platformConfigSchema, env), {
      ...env,
      GONGZHI_AUTH_SECRET: secret,
      GONGZHI_BALLOT_SECRET: process.env['GONGZHI_BALLOT_SECRET'],
    });
    [tokens.resident, tokens.officer, tokens.gridWorker, tokens.admin] = await Promise.all(
      ['resident', 'community_officer', 'grid_worker', 'admin'].map((role) => demoLogin(role)),
    );
    await register('hexie-verified-01', 'community-hexie', 'grid-hexie-01', tokens.officer);
    await register('hexie-verified-02', 'community-hexie', 'grid-hexie-02', tokens.officer);
    await register('hexie-unverified', 'community-hexie', 'grid-hexie-01');
    await register('xingfu-verified', 'community-xingfu', 'grid-xingfu-01', tokens.admin);
    ids.demoResident = (await call(identity, 'GET', '/api/auth/me', tokens.resident)).body.subject;
  }, 120_000);
  afterAll(async () => {
    await deliberation?.close();
    await identity?.close();
    if (configuredBallotSecret === undefined) delete process.env['GONGZHI_BALLOT_SECRET'];
    else process.env['GONGZHI_BALLOT_SECRET'] = configuredBallotSecret;
  });

  const topics = '/api/deliberation/topics';
  async function topicInDiscussion(gridId: string | null): Promise<string> {
    const proposed = await call(deliberation, 'POST', topics, tokens.resident, {
      title: '3号楼加装电梯',
      description: '老人上下楼难',
      gridId,
    });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await call(deliberation, 'POST', `${topics}/${topicId}/screening`, tokens.officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await call(deliberation, 'POST', `${topics}/${topicId}/consultation`, tokens.officer, { draftPlan: '业主分摊' })).status).toBe(
      200,
    );
    expect((await call(deliberation, 'POST', `${topics}/${topicId}/discussion`, tokens.officer, { meetingAt: null })).status).toBe(200);
    return topicId;
  }
  /** The service runs on the machine's clock: the window is counted from the time its own answer was dated. */
  const votingBody = (serverDate: string, eligibility: { scope: string; scopeId: string }) => ({
    closesAt: new Date(Date.parse(serverDate) + 5 * 864e5).toISOString(),
    options: { kind: 'yes_no_abstain' },
    eligibility,
    quorumPercent: 50,
    passThresholdPercent: 60,
  });

  it('counts only the verified residents of the community, refuses a typed electorate, and keeps the others out of the box', async () => {
    const topicId = await topicInDiscussion(null);
    const { date } = await call(deliberation, 'GET', `${topics}/${topicId}`, tokens.resident);
    const body = votingBody(date, { scope: 'community', scopeId: 'community-hexie' });

    const typed = await call(deliberation, 'POST', `${topics}/${topicId}/voting`, tokens.officer, { ...body, eligibleVoters: 1 });
    expect([typed.status, typed.body.errors[0].path]).toEqual([400, 'eligibleVoters']);

    const opened = await call(deliberation, 'POST', `${topics}/${topicId}/voting`, tokens.officer, body);
    // 王秀英 and the two verified neighbours; not the unverified account, not 幸福社区's resident, not the staff.
    expect([opened.status, opened.body.eligibleVoters]).toEqual([200, 3]);

    const ballot = (token: string) => call(deliberation, 'PUT', `${topics}/${topicId}/ballot`, token, { optionId: 'yes' });
    expect((await ballot(tokens['hexie-verified-02'])).status).toBe(200);
    const unverifiedBallot = await ballot(tokens['hexie-unverified']);
    expect([unverifiedBallot.status, unverifiedBallot.body.code]).toEqual([403, 'BALLOT.NOT_ELIGIBLE']);
    expect((await ballot(tokens['xingfu-verified'])).body.code).toBe('BALLOT.NOT_ELIGIBLE');

    // A worker recording for someone: the register answers whether they are a real, verified resident.
    const assisted = (residentId: string) =>
      call(deliberation, 'PUT', `${topics}/${topicId}/assisted-ballots`, tokens.gridWorker, {
        residentId,
        optionId: 'yes',
        consent: { method: 'one_time_code', code: '123456' },
      });
    const unverified = await assisted(ids['hexie-unverified']);
    expect([unverified.status, unverified.body.code]).toEqual([403, 'ASSISTED.RESIDENT_NOT_VERIFIED']);
    const madeUp = await assisted(randomUUID());
    expect([madeUp.status, madeUp.body.code]).toEqual([404, 'ASSISTED_RESIDENT.NOT_FOUND']);
    // A real verified resident gets as far as their consent: the code was never issued on their phone.
    expect((await assisted(ids['hexie-verified-01'])).body.code).toBe('ASSISTED.CONSENT_INVALID');
  });

  it('draws a grid vote’s roll from the verified residents of the topic’s grid only', async () => {
    const topicId = await topicInDiscussion('grid-hexie-01');
    const { date } = await call(deliberation, 'GET', `${topics}/${topicId}`, tokens.resident);
    const opened = await call(
      deliberation,
      'POST',
      `${topics}/${topicId}/voting`,
      tokens.officer,
      votingBody(date, { scope: 'grid', scopeId: 'grid-hexie-01' }),
    );
    expect([opened.status, opened.body.eligibleVoters]).toEqual([200, 2]);
    expect((await call(deliberation, 'PUT', `${topics}/${topicId}/ballot`, tokens['hexie-verified-02'], { optionId: 'no' })).status).toBe(
      403,
    );
  });

  it('reads the accounts on a read-only session: the roll’s reader cannot verify anyone', async () => {
    const reader = new ReadOnlyAccounts({ url: pgUrl, schema: IDENTITY_SCHEMA });
    try {
      const accounts = await reader.repository();
      await expect(accounts.update({ id: ids['hexie-unverified'] }, { verification: 'verified' })).rejects.toThrow(/read-only transaction/);
      expect((await accounts.findOneByOrFail({ id: ids['hexie-unverified'] })).verification).toBe('unverified');
    } finally {
      await reader.close();
    }
  });
});
