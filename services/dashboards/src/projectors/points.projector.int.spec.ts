import { readHonourRoll, readPointsSummary } from '../queries/points/points.query';
import { readParticipation } from '../queries/participation/participation.query';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../testing/embedded-dashboards';

describe('points and participation projectors', () => {
  let dash: EmbeddedDashboards;
  beforeEach(async () => {
    dash = await openEmbeddedDashboards();
    await dash.projections.start();
  });
  afterEach(() => dash.close());

  it('adds up points issued and redeemed per rule and reward', async () => {
    await dash.city.awardPoints('r1', 5, { ruleId: 'valid-report' });
    await dash.city.awardPoints('r2', 10, { ruleId: 'deliberation-participation', communityId: 'community-2' });
    await dash.city.awardPoints('r1', 20, { ruleId: 'adopted-suggestion' });
    await dash.city.redeem('r1', 20);
    await dash.city.depositHours('r2', 2.5);
    await dash.projections.whenCaughtUp();
    const summary = await readPointsSummary(dash.infrastructure.dataSource, {}, dash.clock.now());
    expect(summary).toMatchObject({ issued: 35, awards: 3, redeemed: 20, redemptions: 1, volunteerHours: 2.5 });
    expect(summary.byRule.map((r) => [r.ruleId, r.issued])).toEqual([
      ['adopted-suggestion', 20],
      ['deliberation-participation', 10],
      ['valid-report', 5],
    ]);
    expect((await readPointsSummary(dash.infrastructure.dataSource, { communityId: 'community-2' }, dash.clock.now())).issued).toBe(10);
  });

  it('shows on the honour roll only residents who chose a display name, by that name', async () => {
    await dash.city.awardPoints('r1', 120);
    await dash.city.setDisplayName('r1', '王阿姨');
    await dash.city.reachLevel('r1', '热心居民', 1, 120);
    await dash.city.earnBadge('r1', 'debate-pioneer', '议事先锋');
    await dash.city.depositHours('r1', 3);
    await dash.city.awardPoints('r2', 500);
    await dash.projections.whenCaughtUp();
    const roll = await readHonourRoll(dash.infrastructure.dataSource, { limit: 20 });
    expect(roll.items).toEqual([
      {
        rank: 1,
        displayName: '王阿姨',
        communityId: 'community-1',
        level: '热心居民',
        lifetimePoints: 120,
        volunteerHours: 3,
        badges: [{ badgeName: '议事先锋', kind: 'badge', earnedAt: expect.any(String) }],
      },
    ]);
    expect(JSON.stringify(roll)).not.toContain('r1');
  });

  it('counts distinct active residents and how concentrated their actions are, never an anonymous reporter or a grid worker', async () => {
    const place = { streetId: 'street-a', communityId: 'community-1', gridId: 'grid-a1' };
    await dash.city.reportCase('c1', { ...place, reporterId: 'r1' });
    await dash.city.reportCase('c2', { ...place, reporterId: 'r1' });
    await dash.city.reportCase('c3', { ...place, reporterId: null });
    await dash.city.reportCase('c4', { ...place, reporterId: 'gw-1', via: 'grid_worker' });
    await dash.city.proposeTopic('t1', { communityId: 'community-1', proposerId: 'r2' });
    await dash.city.castBallot('t1', 'r1');
    await dash.city.later({ days: 1 }).redeem('r3', 100);
    await dash.projections.whenCaughtUp();
    const participation = await readParticipation(dash.infrastructure.dataSource, { from: '2026-11-26', to: '2026-11-27' }, dash.clock.now(), 'Asia/Shanghai');
    expect(participation).toMatchObject({
      activeResidents: 3,
      byKind: expect.objectContaining({ report: 1, proposal: 1, ballot: 1, redemption: 1 }),
      days: [
        { day: '2026-11-26', activeResidents: 2 },
        { day: '2026-11-27', activeResidents: 1 },
      ],
      // r1 reported and voted (2 of the 4 actions); the top tenth of 3 residents is 1 resident.
      topTenPercentShare: 50,
    });
  });
});
