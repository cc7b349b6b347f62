import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@gongzhi/eventsourcing';
import { loadProcessConfiguration } from '@gongzhi/runtime';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { SERVICES } from '../../services';
import { DemoClock } from '../demo-clock';
import { buildDemoHistoryOnce, DEMO_HISTORY_MARKER } from './build-demo-history';

// Issue 21's done criterion on a fresh data folder: after the history is built, every headline figure of the city
// dashboard has something in it, a topic was decided with its suggestion adopted and carried out with progress,
// and a micro-budget year was evaluated — all made by the platform's own requests, under a simulated clock.
const nonZero = (figures: Record<string, number>, names: readonly string[]) => names.filter((name) => !(figures[name] > 0));

describe('the demo city’s history', () => {
  const until = new Date('2026-11-26T09:00:00.000Z');
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-demo-history-'));
  const env = { GONGZHI_DATA_DIR: dir };
  let app: TestApp;
  let built: { built: boolean; seconds: number };

  beforeAll(async () => {
    const { platform: config, edge, services: settings } = loadProcessConfiguration(SERVICES, env);
    // The machine's time is a fixed instant here: the history ends there and the clock is let go to it.
    const clock = DemoClock.open(dir, () => until.getTime());
    const lines: string[] = [];
    built = await buildDemoHistoryOnce({
      config,
      edge,
      services: SERVICES,
      settings,
      env,
      clock,
      days: 30,
      until,
      log: (l) => lines.push(l),
    });
    process.stdout.write(`${lines.filter((l) => l.includes('history')).join('\n')}\n`);
    app = await startTestApp(SERVICES, { dataDir: dir, clock: new ManualClock(until) });
  }, 15 * 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills every headline figure of the city dashboard', async () => {
    expect(built.built).toBe(true);
    const overview = (await app.request('GET', '/api/dashboards/overview')).body;
    expect(overview.openCasesNow).toBeGreaterThan(0);
    expect(overview.cases.cases).toBeGreaterThan(20);
    expect(nonZero(overview.cases, ['acknowledged', 'resolved', 'reopened', 'overdue'])).toEqual([]);
    expect(
      nonZero(overview.deliberation, ['topics', 'votesClosed', 'ballotsCast', 'assistedBallots', 'decidedAdopted', 'completed']),
    ).toEqual([]);
    expect(nonZero(overview.deliberation.meetingAttendance, ['inPerson', 'online', 'assisted'])).toEqual([]);
    expect(nonZero(overview.points, ['issued', 'redeemed', 'volunteerHours'])).toEqual([]);
    expect(overview.activeResidents).toBeGreaterThan(0);
    expect(overview.adoptedSuggestions.total).toBeGreaterThan(0);
  });

  it('has whistles answered late and escalated, handled jointly to resolution and evaluated', async () => {
    const { whistles } = (await app.request('GET', '/api/dashboards/overview')).body;
    expect(
      nonZero(whistles, ['whistles', 'resolved', 'escalatedWhistles', 'checkIns', 'checkInsWithinDeadline', 'missed', 'tasksCompleted']),
    ).toEqual([]);
    expect(whistles.resolveMedianMinutes).toBeGreaterThan(0);
    expect(whistles.evaluationAverage).toBeGreaterThanOrEqual(1);
  });

  it('fills the wall screen’s other panels: daily cases, departments, participation by kind, co-building', async () => {
    const daily = (await app.request('GET', '/api/dashboards/cases/daily')).body;
    expect(daily.days.filter((d: { reported: number }) => d.reported > 0).length).toBeGreaterThan(10);
    const byDepartment = (await app.request('GET', '/api/dashboards/cases/sla?groupBy=department')).body;
    expect(byDepartment.rows.length).toBeGreaterThan(1);
    const participation = (await app.request('GET', '/api/dashboards/participation')).body;
    expect(Object.entries(participation.byKind).filter(([, n]) => n === 0)).toEqual([]);
    const { from, to } = (await app.request('GET', '/api/dashboards/overview')).body;
    const [co] = (await app.request('GET', `/api/dashboards/co-building/summary?from=${from}&to=${to}`)).body.rows;
    const figures = {
      projects: co.projects,
      teams: co.teams,
      resourceRequests: co.resourceRequests,
      activities: co.activities,
      income: co.income,
      fund: co.fund,
      resourcesListed: co.resourcesListed,
      spaceBookings: co.spaceBookings,
      organisations: co.organisations,
    };
    const zeros = Object.entries(figures).flatMap(([panel, values]) =>
      Object.entries(values as Record<string, unknown>)
        .filter(([, value]) => value === 0 || value === null)
        .map(([name]) => `${panel}.${name}`),
    );
    // Only what a month of a well-run community rightly leaves at zero: nothing pending or cancelled, no two-year grade expired.
    expect(zeros.filter((name) => !/pending|cancel|gradesExpired/i.test(name))).toEqual([]);
    expect(co.income.teamShareFen + co.income.fundShareFen).toBe(co.income.totalFen);
    expect(co.organisations.graded).toBeGreaterThan(0);
    const honour = (await app.request('GET', '/api/dashboards/honour-roll')).body;
    expect(honour.items.length).toBeGreaterThan(0);
    expect(honour.items.some((item: { badges: unknown[] }) => item.badges.length > 0)).toBe(true);
  });

  it('has a decided topic whose adopted suggestion was carried out with progress', async () => {
    const adopted = (await app.request('GET', '/api/dashboards/adopted-suggestions')).body;
    const items = (adopted.items ?? adopted.suggestions ?? adopted) as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(0);
    const officer = await app.tokenFor('community_officer');
    const topics = [];
    for (const item of items)
      topics.push((await app.request('GET', `/api/deliberation/topics/${String(item.topicId)}`, { token: officer })).body);
    expect(topics.every((topic) => ['Decided', 'Implementation', 'Completed', 'Evaluated'].includes(topic.status))).toBe(true);
    const carriedOut = topics.filter((topic) => ['Implementation', 'Completed', 'Evaluated'].includes(topic.status));
    expect(carriedOut.length).toBeGreaterThan(0);
    for (const topic of carriedOut) expect(topic.progressPercent).toBeGreaterThan(0);
  });

  it('has a micro-budget year taken to its evaluation, which sets next year’s amount', async () => {
    const token = await app.tokenFor('resident');
    const pool = (await app.request('GET', '/api/deliberation/budgets/community-hexie/2026', { token })).body;
    expect(pool.status).toBe('Closed');
    expect(
      pool.projects.some(
        (p: { status: string; evaluation?: { count: number } }) => p.status === 'completed' && (p.evaluation?.count ?? 0) > 0,
      ),
    ).toBe(true);
    expect(pool.nextYearAllocation).toMatchObject({ year: 2027, suggestedAmountYuan: expect.any(Number) });
  });

  it('is built once: a second start of the same data folder reuses it', async () => {
    expect(existsSync(join(dir, DEMO_HISTORY_MARKER))).toBe(true);
    const { platform: config, edge, services: settings } = loadProcessConfiguration(SERVICES, env);
    const again = await buildDemoHistoryOnce({
      config,
      edge,
      services: SERVICES,
      settings,
      env,
      clock: DemoClock.open(dir, () => until.getTime()),
      until,
    });
    expect(again).toEqual({ built: false, seconds: 0 });
  });
});
