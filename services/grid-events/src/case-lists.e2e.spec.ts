import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultEdgeConfig } from '@gongzhi/platform';
import { ManualClock } from '@gongzhi/eventsourcing';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from './index';
import { caseListAnswer } from './queries/cases/cases.response';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };

describe('case lists: a frequent reporter, the cases they follow, and a data folder of an older version', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-case-lists-'));
  const clock = new ManualClock();
  const edge = { rateLimits: { ...defaultEdgeConfig().rateLimits, caseReports: 1_000 } };
  let app: TestApp;
  let wang: string;
  let li: string;
  let gridWorker: string;
  /** Descriptions in report order, oldest first, of what Wang reported or follows. */
  const wangsCases: { caseId: string; description: string; followed: boolean }[] = [];

  const residentToken = (name: string) =>
    app.tokenAs({
      subject: `resident-${name}`,
      roles: ['resident'],
      scope: { ...hexie, gridId: 'grid-hexie-01' },
      verification: 'verified',
    });
  const signIn = async () => {
    [wang, li, gridWorker] = [await residentToken('lists-wang'), await residentToken('lists-li'), await app.tokenFor('grid_worker')];
  };
  const report = async (token: string, description: string) => {
    clock.advance({ seconds: 10 });
    const { status, body } = await app.request('POST', '/api/cases', {
      token,
      body: { categoryCode: 'city.road.pothole', description, location: inHexie01 },
    });
    expect(status).toBe(201);
    return body.caseId as string;
  };
  const listOf = async (query: string, token = wang) => {
    const { status, body } = await app.request('GET', `/api/cases?${query}`, { token });
    expect(status).toBe(200);
    return caseListAnswer.parse(body).cases.map((c) => c.description);
  };
  const newestFirst = (cases: readonly { description: string }[]) => cases.map((c) => c.description).reverse();

  beforeAll(async () => {
    app = await startTestApp([gridEventsService], { dataDir, clock, edge });
    await signIn();
    // Wang reports often; Li's reports fall in between, and Wang follows two of them once the grid accepted them.
    for (let i = 1; i <= 24; i++) {
      wangsCases.push({ caseId: await report(wang, `王阿姨：第${i}处坑`), description: `王阿姨：第${i}处坑`, followed: false });
      if (i % 8 === 4) {
        const description = `李师傅：第${i}号楼下的坑`;
        const caseId = await report(li, description);
        expect((await app.request('POST', `/api/cases/${caseId}/accept`, { token: gridWorker })).status).toBe(200);
        expect((await app.request('POST', `/api/cases/${caseId}/follow`, { token: wang })).status).toBe(200);
        wangsCases.push({ caseId, description, followed: true });
      }
    }
    await report(li, '李师傅：没人关注的坑');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a frequent reporter their newest cases first, the ones they follow among them, as many as asked', async () => {
    const everything = newestFirst(wangsCases);
    await eventuallyPasses(async () => expect(await listOf('mine=true&limit=200')).toEqual(everything));
    expect(await listOf('mine=true&limit=5')).toEqual(everything.slice(0, 5));
    expect(await listOf('mine=true&limit=12')).toEqual(everything.slice(0, 12));
    // A resident's list is theirs whatever they ask: Li's case nobody follows is in no one else's list.
    expect(await listOf('limit=200')).not.toContain('李师傅：没人关注的坑');
    expect(await listOf('mine=true&limit=200', li)).toEqual(['李师傅：没人关注的坑', ...everything.filter((d) => d.startsWith('李师傅'))]);
  });

  it("honours the status filter on both the reporter's own cases and the followed ones", async () => {
    const rejected = wangsCases.filter((c) => !c.followed).slice(0, 3);
    for (const { caseId } of rejected) {
      expect(
        (await app.request('POST', `/api/cases/${caseId}/reject`, { token: gridWorker, body: { reason: '已在维修计划中' } })).status,
      ).toBe(200);
    }
    await eventuallyPasses(async () => expect(await listOf('mine=true&status=Rejected')).toEqual(newestFirst(rejected)));
    expect(await listOf('mine=true&status=Accepted')).toEqual(newestFirst(wangsCases.filter((c) => c.followed)));
    expect(await listOf('mine=true&status=Accepted,Rejected&limit=4')).toEqual(
      newestFirst(wangsCases.filter((c) => c.followed || rejected.includes(c))).slice(0, 4),
    );
    const open = wangsCases.filter((c) => !c.followed && !rejected.includes(c));
    expect(await listOf('mine=true&status=Reported&limit=3')).toEqual(newestFirst(open).slice(0, 3));
  });

  it("gives the grid worker the grid's queue newest first, each case with its reporter's name as the rule allows", async () => {
    const queue = caseListAnswer.parse((await app.request('GET', '/api/cases?status=Reported&limit=4', { token: gridWorker })).body).cases;
    expect(queue.map((c) => c.description)).toEqual(['李师傅：没人关注的坑', '王阿姨：第24处坑', '王阿姨：第23处坑', '王阿姨：第22处坑']);
    expect(queue.map((c) => c.reporterId)).toEqual([
      'resident-lists-li',
      'resident-lists-wang',
      'resident-lists-wang',
      'resident-lists-wang',
    ]);
    // Another resident sees none of it: their list holds only what they reported or follow.
    const stranger = await residentToken('lists-stranger');
    expect(await listOf('status=Reported&limit=50', stranger)).toEqual([]);
  });

  it('keeps every list as it was when a data folder of the previous version is opened', async () => {
    const before = {
      all: await listOf('mine=true&limit=200'),
      rejected: await listOf('mine=true&status=Rejected'),
      five: await listOf('mine=true&limit=5'),
    };
    await app.close();
    // The previous version's table: no report time on the reporter rows, the index by reporter alone.
    const db = new Database(join(dataDir, 'grid-events', 'read.sqlite'));
    for (const { name } of db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_reporters' AND sql IS NOT NULL`)
      .all() as {
      name: string;
    }[])
      db.exec(`DROP INDEX "${name}"`);
    db.exec(`ALTER TABLE case_reporters DROP COLUMN reported_at`);
    db.exec(`CREATE INDEX "IDX_b28cd4e0402337b05b6ceecbc5" ON "case_reporters" ("reporter_id")`);
    // Where rows lie in the file says nothing of when their cases were reported: here they lie newest first.
    db.exec(`CREATE TEMP TABLE kept AS SELECT * FROM case_reporters`);
    db.exec(`DELETE FROM case_reporters`);
    db.exec(`INSERT INTO case_reporters SELECT * FROM kept ORDER BY case_id DESC`);
    db.close();

    app = await startTestApp([gridEventsService], { dataDir, clock, edge });
    await signIn();
    expect(await listOf('mine=true&limit=200')).toEqual(before.all);
    expect(await listOf('mine=true&status=Rejected')).toEqual(before.rejected);
    expect(await listOf('mine=true&limit=5')).toEqual(before.five);
    // And a case reported after the upgrade comes first.
    await report(wang, '王阿姨：升级后的坑');
    await eventuallyPasses(async () => expect(await listOf('mine=true&limit=2')).toEqual(['王阿姨：升级后的坑', before.all[0]]));
  });
});
