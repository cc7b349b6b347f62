import { readCoBuildingDaily } from '../queries/co-building/co-building-daily.query';
import { readCoBuildingProjects } from '../queries/co-building/co-building-projects.query';
import { readCoBuildingSummary } from '../queries/co-building/co-building-summary.query';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';

describe('co-building projector', () => {
  let dash: EmbeddedDashboards;
  beforeEach(async () => {
    dash = await openEmbeddedDashboards();
    await dash.projections.start();
  });
  afterEach(() => dash.close());

  const summary = (query: Partial<Parameters<typeof readCoBuildingSummary>[1]> = {}) =>
    readCoBuildingSummary(dash.infrastructure.dataSource, { groupBy: 'city', ...query }, dash.clock.now(), 'Asia/Shanghai');

  /** Two communities: three partner projects, their requests, activities and income; the lists; three organisations. */
  async function playCoBuilding() {
    const { city } = dash;
    await city.startProject('p1', { communityId: 'community-1', leaderId: 'r-lead', title: '楼道读书会' });
    await city.joinTeam('p1', 'r-anna');
    await city.joinTeam('p1', 'r-bo');
    await city.startProject('p2', { communityId: 'community-1', title: '共享工具间' });
    await city.startProject('p3', { communityId: 'community-2', title: '四点半课堂' });

    await city.listResource('room-1', { communityId: 'community-1', kind: 'space' });
    await city.listResource('lawyer-1', { communityId: 'community-1', kind: 'service' });
    await city.listResource('room-2', { communityId: 'community-2', kind: 'space' });
    for (const request of ['q1', 'q2', 'q3']) await city.requestResource('p1', request, 'room-1');
    await city.requestResource('p2', 'q4', 'room-1');
    await city.requestResource('p3', 'q5', 'room-2');
    await city.later({ hours: 2 }).decideRequest('p1', 'q1', 'approved');
    await city.decideRequest('p1', 'q2', 'approved');
    await city.decideRequest('p1', 'q3', 'declined');
    await city.decideRequest('p3', 'q5', 'declined');

    await city.reportActivity('p1', 12);
    await city.reportActivity('p1', 8);
    await city.reportActivity('p3', 5);
    // 70% to the team: 7000 + 3000; 233.1 rounds to 233 for the team, so the fund gets 100.
    await city.recordIncome('p1', 10_000, { source: 'space_rent' });
    await city.recordIncome('p1', 333);
    await city.recordIncome('p3', 5_000, { teamSharePercent: 60 });

    await city.bookSpace('room-1', { communityId: 'community-1', day: '2026-11-28', from: '09:00', to: '11:00', projectId: 'p1' });
    await city.bookSpace('room-1', { communityId: 'community-1', day: '2026-11-28', from: '14:00', to: '15:30' });
    const cancelled = await city.bookSpace('room-2', { communityId: 'community-2', day: '2026-11-29', from: '10:00', to: '11:00' });
    await city.cancelBooking(cancelled);
    await city.spendFund('community-1', 1_200, 't-lights');
    await city.spendFund('community-1', 300);
    await city.postNeed('n1', 'community-1');
    await city.postNeed('n2', 'community-2');

    await city.registerOrganisation('o1', 'community-1');
    await city.registerOrganisation('o2', 'community-1');
    await city.registerOrganisation('o3', 'community-2');
    await city.gradeOrganisation('o1', '3A', { evaluatedOn: '2024-03-01', validUntil: '2026-03-01' });
    await city.gradeOrganisation('o1', '4A', { evaluatedOn: '2026-03-01', validUntil: '2028-03-01' });
    await city.gradeOrganisation('o3', '2A', { evaluatedOn: '2023-06-01', validUntil: '2025-06-01' });
    await dash.projections.whenCaughtUp();
  }

  it('counts projects, teams, requests, activities, lists and organisations per community, and the city as their sum', async () => {
    await playCoBuilding();

    const [cityRow] = (await summary()).rows;
    expect(cityRow).toMatchObject({
      key: '*',
      projects: { started: 3, total: 3, active: 2 },
      teams: { membersJoined: 2, membersNow: 5 },
      resourceRequests: { requested: 5, approved: 2, declined: 2, approvalRatePercent: 50, pendingNow: 1 },
      activities: { reported: 3, participants: 25 },
      resourcesListed: { total: 3, space: 2, service: 1, goods: 0, skill: 0 },
      spaceBookings: { bookings: 3, bookedHours: 4.5, forProjects: 1, cancelled: 1, cancelledHours: 1 },
      needsPosted: 2,
      organisations: { registered: 3, total: 3, graded: 3, latestGrades: { '1A': 0, '2A': 1, '3A': 0, '4A': 1, '5A': 0, ungraded: 1 }, gradesExpired: 1 },
    });

    const byCommunity = await summary({ groupBy: 'community' });
    expect(byCommunity.rows.map((r) => r.key)).toEqual(['community-1', 'community-2']);
    const [one, two] = byCommunity.rows;
    expect(one).toMatchObject({
      projects: { started: 2, total: 2, active: 1 },
      teams: { membersJoined: 2, membersNow: 4 },
      resourceRequests: { requested: 4, approved: 2, declined: 1, approvalRatePercent: 66.7, pendingNow: 1 },
      organisations: { total: 2, latestGrades: expect.objectContaining({ '4A': 1, ungraded: 1 }), gradesExpired: 0 },
    });
    expect(two).toMatchObject({
      projects: { started: 1, total: 1, active: 1 },
      resourceRequests: { requested: 1, approved: 0, declined: 1, approvalRatePercent: 0, pendingNow: 0 },
      organisations: { total: 1, latestGrades: expect.objectContaining({ '2A': 1 }), gradesExpired: 1 },
    });
    expect((await summary({ communityId: 'community-2' })).rows).toEqual([two]);

    // No resident who led, joined, booked or posted is ever named.
    const everything = JSON.stringify([cityRow, byCommunity, await readCoBuildingProjects(dash.infrastructure.dataSource, { limit: 50, offset: 0 })]);
    expect(everything).not.toMatch(/r-lead|r-anna|r-bo|leader-|resident-/);
  });

  it('sums project income and its split between the teams and the community public funds', async () => {
    await playCoBuilding();

    const [cityRow] = (await summary()).rows;
    expect(cityRow.income).toEqual({
      recordings: 3,
      totalFen: 15_333,
      teamShareFen: 10_233,
      fundShareFen: 5_100,
      fundSharePercent: 33.3,
      bySourceFen: { space_rent: 10_000, service_fee: 5_333, donation: 0, other: 0 },
    });
    const communities = (await summary({ groupBy: 'community' })).rows;
    expect(communities.map((r) => [r.key, r.income.totalFen, r.income.teamShareFen, r.income.fundShareFen])).toEqual([
      ['community-1', 10_333, 7_233, 3_100],
      ['community-2', 5_000, 3_000, 2_000],
    ]);
    for (const row of [cityRow, ...communities]) expect(row.income.teamShareFen + row.income.fundShareFen).toBe(row.income.totalFen);
    // What the fund received is the fund share; its balance is that less what was spent.
    expect(communities.map((r) => [r.key, r.fund])).toEqual([
      ['community-1', { receivedFen: 3_100, spentFen: 1_500, spendings: 2, spendingsDecidedByCouncil: 1, balanceNowFen: 1_600 }],
      ['community-2', { receivedFen: 2_000, spentFen: 0, spendings: 0, spendingsDecidedByCouncil: 0, balanceNowFen: 2_000 }],
    ]);
    expect(cityRow.fund.balanceNowFen).toBe(3_600);
    expect(communities.reduce((n, r) => n + r.income.fundShareFen, 0)).toBe(cityRow.income.fundShareFen);

    const projects = await readCoBuildingProjects(dash.infrastructure.dataSource, { communityId: 'community-1', limit: 50, offset: 0 });
    expect(projects.total).toBe(2);
    expect(projects.items.find((p) => p.projectId === 'p1')).toMatchObject({
      title: '楼道读书会',
      teamSize: 3,
      requests: { pending: 0, approved: 2, declined: 1 },
      activities: 2,
      incomeFen: 10_333,
      fundShareFen: 3_100,
    });
  });

  it('counts a project active in a window only if it reported an activity then, and keeps a daily series', async () => {
    await playCoBuilding();
    await dash.city.later({ days: 10 }).reportActivity('p2', 6);
    await dash.city.decideRequest('p2', 'q4', 'approved');
    await dash.projections.whenCaughtUp();

    const lately = (await summary({ from: '2026-12-01' })).rows[0];
    expect(lately).toMatchObject({
      projects: { started: 0, total: 3, active: 1 },
      activities: { reported: 1, participants: 6 },
      resourceRequests: { requested: 0, approved: 1, declined: 0, approvalRatePercent: 100, pendingNow: 0 },
      income: expect.objectContaining({ totalFen: 0, fundSharePercent: null }),
      fund: { receivedFen: 0, spentFen: 0, spendings: 0, spendingsDecidedByCouncil: 0, balanceNowFen: 3_600 },
    });

    const daily = await readCoBuildingDaily(dash.infrastructure.dataSource, { communityId: 'community-1', from: '2026-11-25', to: '2026-12-06' }, dash.clock.now(), 'Asia/Shanghai');
    expect(daily.days).toHaveLength(12);
    expect(daily.days.find((d) => d.day === '2026-11-26')).toMatchObject({
      projectsStarted: 2,
      membersJoined: 2,
      resourcesRequested: 4,
      requestsApproved: 2,
      requestsDeclined: 1,
      activitiesReported: 2,
      incomeFen: 10_333,
      fundShareFen: 3_100,
      spaceBookings: 2,
      fundSpentFen: 1_500,
      needsPosted: 1,
      organisationsRegistered: 2,
    });
    expect(daily.days.find((d) => d.day === '2026-12-06')).toMatchObject({ activitiesReported: 1, requestsApproved: 1, projectsStarted: 0 });
  });
});
