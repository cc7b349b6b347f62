import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, PASSWORD_HASHER, type PasswordHasher } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { requestFrom } from './from-address';

const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const STRANGER = '127.0.0.2';
const OWNER = '127.0.0.1';

describe('login under attack', () => {
  describe('budgets and delays', () => {
    let app: TestApp;
    const login = (address: string, username: string, password: string) =>
      requestFrom(app.url, address, 'POST', '/api/auth/login', { body: { username, password } });

    beforeAll(async () => {
      app = await startTestApp([], { edge: { login: { failuresPerAddressPerMinute: 6, hashConcurrency: 4, hashQueue: 32 } } });
    });

    afterAll(() => app?.close());

    it('refuses an address that rotates usernames once its failure budget is spent, and only that address', async () => {
      const address = '127.0.0.3';
      const statuses: number[] = [];
      for (let guess = 0; guess < 6; guess++) statuses.push((await login(address, `someone-${randomUUID()}`, 'password123')).status);

      const seventh = await login(address, `someone-${randomUUID()}`, 'password123');

      expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
      expect(seventh.status).toBe(429);
      expect(seventh.body).toMatchObject({
        statusCode: 429,
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        message: expect.stringMatching(/try again in \d+ s/),
      });
      expect(Number(seventh.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login('127.0.0.4', admin.username, admin.password)).status).toBe(200);
      app.clock.advance({ seconds: 61 });
      expect((await login(address, `someone-${randomUUID()}`, 'password123')).status).toBe(401);
    });

    it("delays a stranger guessing at the admin's password, and never the admin logging in from their own address", async () => {
      const strangerStatuses: number[] = [];
      for (let guess = 0; guess < 6; guess++) strangerStatuses.push((await login(STRANGER, admin.username, `guess-${guess}`)).status);

      expect(strangerStatuses).toEqual([401, 401, 401, 401, 429, 429]);
      const strangerWithTheRightPassword = await login(STRANGER, admin.username, admin.password);
      expect(strangerWithTheRightPassword.status).toBe(429);
      expect(Number(strangerWithTheRightPassword.headers['retry-after'])).toBeGreaterThan(0);
      const owner = await login(OWNER, admin.username, admin.password);
      expect(owner.status).toBe(200);
      expect(owner.body.principal).toMatchObject({ roles: ['admin'] });
    });

    it('answers an unknown username like a wrong password and spends a password hash on it too', async () => {
      const hasher = app.app.get<PasswordHasher>(PASSWORD_HASHER);
      const derive = jest.spyOn(hasher, 'derive');
      try {
        const unknown = await login('127.0.0.5', `nobody-${randomUUID()}`, 'password123');
        const hashesForUnknown = derive.mock.calls.length;
        derive.mockClear();
        const wrong = await login('127.0.0.5', admin.username, 'password123');

        expect(unknown.status).toBe(401);
        expect(unknown.body).toEqual(wrong.body);
        expect(hashesForUnknown).toBeGreaterThanOrEqual(1);
        expect(derive).toHaveBeenCalledTimes(1);
      } finally {
        derive.mockRestore();
      }
    });
  });

  describe('the password-hash gate', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp([], { edge: { login: { failuresPerAddressPerMinute: 1000, hashConcurrency: 1, hashQueue: 2 } } });
    });

    afterAll(() => app?.close());

    it('runs one hash at a time, queues two, and answers the rest of a burst 503 with Retry-After at once', async () => {
      const hasher = app.app.get<PasswordHasher>(PASSWORD_HASHER);
      // The dummy hash of unknown usernames is made at the first one; made here, the burst below costs one hash each.
      await requestFrom(app.url, OWNER, 'POST', '/api/auth/login', { body: { username: `warm-${randomUUID()}`, password: 'password123' } });
      let running = 0;
      let mostAtOnce = 0;
      let releaseHashes!: () => void;
      const held = new Promise<void>((release) => (releaseHashes = release));
      const realDerive = hasher.derive.bind(hasher);
      const derive = jest.spyOn(hasher, 'derive').mockImplementation(async (...args) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await held;
        try {
          return await realDerive(...args);
        } finally {
          running--;
        }
      });
      try {
        const answers: Array<{ status: number; retryAfter: unknown; code: unknown }> = [];
        const burst = Array.from({ length: 12 }, (_, index) =>
          requestFrom(app.url, `127.0.1.${index + 1}`, 'POST', '/api/auth/login', {
            body: { username: `burst-${randomUUID()}`, password: 'password123' },
          }).then((answer) => answers.push({ status: answer.status, retryAfter: answer.headers['retry-after'], code: answer.body?.code })),
        );
        // Nine are refused while the first hash is still held: none of them waited for it.
        await eventuallyPasses(async () => expect(answers).toHaveLength(9), 10_000);
        releaseHashes();
        await Promise.all(burst);

        expect(answers.filter((a) => a.status === 503)).toEqual(Array(9).fill({ status: 503, retryAfter: '1', code: 'AUTH.BUSY' }));
        expect(answers.filter((a) => a.status === 401)).toHaveLength(3);
        expect(mostAtOnce).toBe(1);
        expect(derive).toHaveBeenCalledTimes(3);
      } finally {
        releaseHashes();
        derive.mockRestore();
      }
    });
  });
});
