import { Controller, Get, Param, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { assertInScope } from './access/scope';
import { Allow, CurrentPrincipal, Public } from './access/decorators';
import { ZodBody } from './http/zod-validation.pipe';
import { IdentityModule } from './identity.module';
import { Account } from './issuer/account.entity';
import { DEMO_COMMUNITIES } from './issuer/community-directory';
import { DEMO_ACCOUNTS, seedDemoAccounts, type DemoAccount } from './issuer/demo-accounts';
import { IDENTITY_DATA_SOURCE } from './issuer/issuer-settings';
import { RefreshToken } from './issuer/refresh-token.entity';
import { toActor, type Principal } from './principal';
import { ManualClock } from './spec-support/manual-clock';

const SECRET = 'e2e-secret-for-the-embedded-issuer-0123456789';
const clock = new ManualClock();

/** Stands for any service's controller; counts what reached a handler. */
const reached: string[] = [];

@Controller('api/probe')
class ProbeController {
  @Public()
  @Get('open')
  open() {
    reached.push('open');
    return { open: true };
  }

  @Get('anyone')
  anyone(@CurrentPrincipal() principal: Principal) {
    reached.push('anyone');
    return toActor(principal);
  }

  @Allow('department_staff')
  @Get('department-inbox')
  inbox() {
    reached.push('department-inbox');
    return { items: [] };
  }

  @Allow({ role: 'street_officer', scope: 'street' })
  @Post('streets/:streetId/whistles')
  whistle(@Param('streetId') streetId: string, @CurrentPrincipal() principal: Principal) {
    assertInScope(principal, 'street', streetId);
    reached.push('whistle');
    return { blown: streetId };
  }

  @Allow({ role: 'resident', verified: true })
  @Post('ballots')
  vote(@ZodBody(z.object({ option: z.enum(['yes', 'no'], { error: 'yes or no' }) })) body: { option: string }) {
    reached.push('ballot');
    return body;
  }
}

const demo = (role: DemoAccount['role']) => DEMO_ACCOUNTS.find((a) => a.role === role) as DemoAccount;

describe('identity over HTTP (embedded issuer on SQLite)', () => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  let dataDir: string;
  const createdAtStart: DemoAccount[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-identity-e2e-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        IdentityModule.forEmbedded({
          secret: SECRET,
          database: { type: 'better-sqlite3', database: join(dataDir, 'identity.sqlite') },
          demoAccounts: DEMO_ACCOUNTS,
          onDemoAccountsCreated: (created) => createdAtStart.push(...created),
          communities: DEMO_COMMUNITIES,
          clock,
          settings: { loginAttemptsPerMinute: 8 },
        }),
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    dataSource = app.get(IDENTITY_DATA_SOURCE);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    reached.length = 0;
  });

  async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  const login = (username: string, password: string) => call('POST', '/api/auth/login', { body: { username, password } });

  async function sessionOf(account: { username: string; password: string }) {
    const response = await login(account.username, account.password);
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string; principal: Principal };
  }

  const accountNamed = (username: string) => dataSource.getRepository(Account).findOneByOrFail({ username });
  const accountCount = () => dataSource.getRepository(Account).count();
  const refreshTokenCount = () => dataSource.getRepository(RefreshToken).count();

  describe('demo accounts', () => {
    it('creates one per role at first start and hands them to the host to print', () => {
      expect(createdAtStart.map((a) => a.role).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.role).sort());
      expect(createdAtStart[0]).toEqual(expect.objectContaining({ username: expect.any(String), password: expect.any(String) }));
    });

    it('creates nothing when seeded again', async () => {
      const before = await accountCount();

      await expect(seedDemoAccounts(dataSource.getRepository(Account), DEMO_ACCOUNTS)).resolves.toEqual([]);
      expect(await accountCount()).toBe(before);
    });
  });

  describe('login', () => {
    it('answers a 15-minute access token, a refresh token and the principal', async () => {
      const resident = demo('resident');

      const response = await login(resident.username, resident.password);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.any(String),
        principal: {
          subject: expect.any(String),
          displayName: '王秀英',
          roles: ['resident'],
          scope: resident.scope,
          verification: 'verified',
        },
      });
      const me = await call('GET', '/api/auth/me', { token: response.body.accessToken });
      expect(me).toMatchObject({ status: 200, body: response.body.principal });
    });

    it('answers a wrong password with 401 and changes nothing stored', async () => {
      const officer = demo('community_officer');
      const before = await accountNamed(officer.username);
      const tokensBefore = await refreshTokenCount();

      const response = await login(officer.username, 'not-the-password');

      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'wrong username or password' });
      expect(await accountNamed(officer.username)).toEqual(before);
      expect(await refreshTokenCount()).toBe(tokensBefore);
    });

    it('answers an unknown username exactly like a wrong password', async () => {
      const response = await login('nobody-here', 'whatever-password');

      expect(response.status).toBe(401);
      expect(response.body.message).toBe('wrong username or password');
    });

    it('never locks an account: after 3 free failures each further one doubles the wait, and the right password works once it has passed', async () => {
      const worker = demo('grid_worker');
      for (let attempt = 1; attempt <= 4; attempt++) expect((await login(worker.username, `wrong-${attempt}`)).status).toBe(401);
      expect((await login(worker.username, 'wrong-5')).headers.get('retry-after')).toBe('1');
      clock.advance({ seconds: 1 });
      expect((await login(worker.username, 'wrong-5')).status).toBe(401);

      const tooSoon = await login(worker.username, worker.password);
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.body).toMatchObject({ statusCode: 429, code: 'AUTH.TOO_MANY_ATTEMPTS' });
      expect(tooSoon.headers.get('retry-after')).toBe('2');

      clock.advance({ seconds: 2 });
      expect((await login(worker.username, worker.password)).status).toBe(200);
      expect(await accountNamed(worker.username)).toMatchObject({ lockedUntil: null });
    });

    it('limits attempts per username and address to the configured number a minute, with Retry-After', async () => {
      const supervisor = demo('supervisor');
      for (let attempt = 1; attempt <= 8; attempt++) expect((await login(supervisor.username, supervisor.password)).status).toBe(200);

      const limited = await login(supervisor.username, supervisor.password);

      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      clock.advance({ seconds: 61 });
      expect((await login(supervisor.username, supervisor.password)).status).toBe(200);
    });

    it('answers a body that fails validation with 400 listing each field', async () => {
      const response = await call('POST', '/api/auth/login', { body: { username: '' } });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION.FAILED',
        errors: [
          { path: 'username', message: 'required' },
          { path: 'password', message: 'required' },
        ],
      });
    });
  });

  describe('refresh', () => {
    it('rotates the refresh token on every use', async () => {
      const { refreshToken: first } = await sessionOf(demo('street_officer'));

      const refreshed = await call('POST', '/api/auth/refresh', { body: { refreshToken: first } });
      const again = await call('POST', '/api/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } });

      expect(refreshed).toMatchObject({ status: 200, body: { accessToken: expect.any(String), expiresIn: 900 } });
      expect(refreshed.body.refreshToken).not.toBe(first);
      expect(again.status).toBe(200);
      expect((await call('GET', '/api/auth/me', { token: again.body.accessToken })).status).toBe(200);
    });

    it('revokes the whole session when a spent refresh token comes back', async () => {
      const { refreshToken: first } = await sessionOf(demo('street_officer'));
      const { body: next } = await call('POST', '/api/auth/refresh', { body: { refreshToken: first } });

      const replay = await call('POST', '/api/auth/refresh', { body: { refreshToken: first } });
      const victim = await call('POST', '/api/auth/refresh', { body: { refreshToken: next.refreshToken } });

      expect(replay).toMatchObject({ status: 401, body: { code: 'AUTH.REFRESH_TOKEN_REUSED' } });
      expect(victim).toMatchObject({ status: 401, body: { code: 'AUTH.REFRESH_TOKEN_REUSED' } });
    });

    it('ends the session at logout', async () => {
      const { refreshToken } = await sessionOf(demo('admin'));

      expect((await call('POST', '/api/auth/logout', { body: { refreshToken } })).status).toBe(204);
      expect((await call('POST', '/api/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    });

    it('rejects a token it never issued', async () => {
      const response = await call('POST', '/api/auth/refresh', { body: { refreshToken: 'made-up' } });

      expect(response).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_REFRESH_TOKEN' } });
    });
  });

  describe('resident registration and verification', () => {
    const newcomer = {
      username: 'Liu.Fang',
      password: 'a-long-enough-password',
      displayName: '刘芳',
      communityId: 'community-xingfu',
      gridId: 'grid-xingfu-02',
      phone: '13800138000',
    };

    it('answers bad fields with 400 listing each field, and stores no account', async () => {
      const before = await accountCount();

      const response = await call('POST', '/api/auth/register', {
        body: { username: 'x', password: 'short', communityId: '', phone: '12345' },
      });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'username',
        'password',
        'displayName',
        'communityId',
        'gridId',
        'phone',
      ]);
      expect(response.body.errors[1]).toEqual({ path: 'password', message: 'at least 8 characters' });
      expect(await accountCount()).toBe(before);
    });

    it('answers a grid outside the community with 400 on gridId, and stores no account', async () => {
      const before = await accountCount();

      const response = await call('POST', '/api/auth/register', { body: { ...newcomer, gridId: 'grid-hexie-01' } });

      expect(response).toMatchObject({ status: 400, body: { errors: [{ path: 'gridId' }] } });
      expect(await accountCount()).toBe(before);
    });

    it('answers a taken username, in any letter case, with 409', async () => {
      const response = await call('POST', '/api/auth/register', { body: { ...newcomer, username: 'DEMO-Resident' } });

      expect(response).toMatchObject({ status: 409, body: { code: 'AUTH.USERNAME_TAKEN' } });
    });

    it('registers an unverified resident whom only an officer of their community or street, or an admin, can verify', async () => {
      const registered = await call('POST', '/api/auth/register', { body: newcomer });
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({
        username: 'liu.fang',
        roles: ['resident'],
        verification: 'unverified',
        scope: { streetId: 'street-nanjingdong', communityId: 'community-xingfu', gridId: 'grid-xingfu-02' },
      });
      expect(registered.body).not.toHaveProperty('passwordHash');
      const resident = await sessionOf(newcomer);
      expect(resident.principal.verification).toBe('unverified');
      const unverifiedVote = await call('POST', '/api/probe/ballots', { token: resident.accessToken, body: { option: 'yes' } });
      expect(unverifiedVote).toMatchObject({
        status: 403,
        body: { code: 'AUTH.FORBIDDEN', message: 'needs role resident with verified identity (has resident, unverified)' },
      });

      const verifyPath = `/api/auth/accounts/${registered.body.id}/verify`;
      const bySelf = await call('POST', verifyPath, { token: resident.accessToken });
      expect(bySelf).toMatchObject({ status: 403, body: { message: expect.stringContaining('needs role community_officer') } });
      const otherCommunity = await sessionOf(demo('community_officer'));
      const byOtherCommunity = await call('POST', verifyPath, { token: otherCommunity.accessToken });
      expect(byOtherCommunity).toMatchObject({
        status: 403,
        body: { message: 'needs scope community community-xingfu (has community community-hexie)' },
      });
      expect(await accountNamed('liu.fang')).toMatchObject({ verification: 'unverified' });

      const streetOfficer = await sessionOf(demo('street_officer'));
      const verified = await call('POST', verifyPath, { token: streetOfficer.accessToken });
      expect(verified).toMatchObject({ status: 200, body: { verification: 'verified' } });
      expect(await accountNamed('liu.fang')).toMatchObject({ verifiedBy: streetOfficer.principal.subject });

      const refreshed = await call('POST', '/api/auth/refresh', { body: { refreshToken: resident.refreshToken } });
      expect(refreshed.body.principal.verification).toBe('verified');
      const vote = await call('POST', '/api/probe/ballots', { token: refreshed.body.accessToken, body: { option: 'yes' } });
      expect(vote).toMatchObject({ status: 201, body: { option: 'yes' } });
    });

    it('answers verification of an unknown account with 404', async () => {
      const admin = await sessionOf(demo('admin'));

      const response = await call('POST', '/api/auth/accounts/no-such-account/verify', { token: admin.accessToken });

      expect(response).toMatchObject({ status: 404, body: { code: 'AUTH.ACCOUNT_NOT_FOUND' } });
    });
  });

  describe('guarding other controllers', () => {
    it('opens a @Public() route to anyone', async () => {
      expect(await call('GET', '/api/probe/open')).toMatchObject({ status: 200, body: { open: true } });
    });

    it('answers a missing token with 401 and a Bearer challenge, before the handler runs', async () => {
      const response = await call('GET', '/api/probe/anyone');

      expect(response).toMatchObject({ status: 401, body: { statusCode: 401, code: 'AUTH.MISSING_TOKEN' } });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(reached).toEqual([]);
    });

    it('answers a forged token with 401', async () => {
      const forged = await new SignJWT({ roles: ['admin'], vl: 'verified' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('intruder')
        .setIssuer('gongzhi-embedded')
        .setAudience('gongzhi')
        .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 900)
        .sign(new TextEncoder().encode('someone-elses-secret-that-is-long-enough'));

      for (const token of [forged, 'garbage']) {
        expect(await call('GET', '/api/probe/anyone', { token })).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
      }
      expect(reached).toEqual([]);
    });

    it('answers an expired token with 401 once the clock passes 15 minutes', async () => {
      const { accessToken } = await sessionOf(demo('resident'));
      expect((await call('GET', '/api/probe/anyone', { token: accessToken })).status).toBe(200);

      clock.advance({ minutes: 15, seconds: 1 });
      const response = await call('GET', '/api/probe/anyone', { token: accessToken });

      expect(response).toMatchObject({ status: 401, body: { code: 'AUTH.TOKEN_EXPIRED' } });
    });

    it('lets any authenticated principal call a route without @Allow, passing the actor on', async () => {
      const { accessToken, principal } = await sessionOf(demo('resident'));

      const response = await call('GET', '/api/probe/anyone', { token: accessToken });

      expect(response.body).toEqual({ id: principal.subject, kind: 'user', roles: ['resident'] });
    });

    it('answers a token without the role with 403 naming the missing role', async () => {
      const { accessToken } = await sessionOf(demo('resident'));

      const response = await call('GET', '/api/probe/department-inbox', { token: accessToken });

      expect(response).toMatchObject({
        status: 403,
        body: { statusCode: 403, code: 'AUTH.FORBIDDEN', message: 'needs role department_staff (has resident)' },
      });
      expect(reached).toEqual([]);
    });

    it('lets a street officer act in their own street only', async () => {
      const { accessToken } = await sessionOf(demo('street_officer'));

      const own = await call('POST', '/api/probe/streets/street-nanjingdong/whistles', { token: accessToken });
      const other = await call('POST', '/api/probe/streets/street-waitan/whistles', { token: accessToken });

      expect(own).toMatchObject({ status: 201, body: { blown: 'street-nanjingdong' } });
      expect(other).toMatchObject({
        status: 403,
        body: { code: 'AUTH.FORBIDDEN', message: 'needs scope street street-waitan (has street street-nanjingdong)' },
      });
      expect(reached).toEqual(['whistle']);
    });

    it('answers a bad body on a guarded route with 400 listing the field, before the handler runs', async () => {
      const { accessToken } = await sessionOf(demo('resident'));

      const response = await call('POST', '/api/probe/ballots', { token: accessToken, body: { option: 'maybe' } });

      expect(response).toMatchObject({ status: 400, body: { errors: [{ path: 'option', message: 'yes or no' }] } });
      expect(reached).toEqual([]);
    });
  });
});
