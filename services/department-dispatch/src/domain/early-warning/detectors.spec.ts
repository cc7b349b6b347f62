import { deciderSpec } from '@gongzhi/testing';
import { boxAround } from '@gongzhi/contracts';
import { checkInMisses, distanceMetres, repeatProblem, REPEAT, slaRisk, type ReportedPlace } from './detectors';
import { earlyWarningDecider } from './early-warning.decider';

const place = (caseId: string, reportedAt: string, metresNorth = 0, categoryCode = 'city.road.pothole'): ReportedPlace => ({
  caseId,
  categoryCode,
  lat: 31.2353 + metresNorth / 111_320,
  long: 121.4801,
  reportedAt,
  streetId: 'street-nanjingdong',
  communityId: 'community-hexie',
  gridId: 'grid-hexie-01',
});
const chengguan = { id: 'dept-chengguan', name: { zh: '区城管执法局', en: 'District City Management' } };

describe('early-warning detectors (预警)', () => {
  describe('a problem repeating at one place', () => {
    const first = place('case-1', '2026-11-01T02:00:00.000Z');
    const second = place('case-2', '2026-11-10T02:00:00.000Z', 80);

    it('is raised on the third report of the same kind within 150 m and 28 days, named after the first, with a plain reason', () => {
      const third = place('case-3', '2026-11-20T02:00:00.000Z', 120);
      const warning = repeatProblem(third, [first, second]);
      expect(warning?.data).toMatchObject({
        warningId: 'repeat-case-1',
        kind: 'repeat_problem',
        gridId: 'grid-hexie-01',
        subjectIds: ['case-1', 'case-2', 'case-3'],
      });
      expect(warning?.data.reason.zh).toContain('第 3 次反映同类问题');
      expect(warning?.data.reason.en).toContain('3rd report');
    });

    it('is not raised for reports farther away, of another kind, or older than the window', () => {
      expect(repeatProblem(place('case-3', '2026-11-20T02:00:00.000Z', 400), [first, second])).toBeNull();
      expect(repeatProblem(place('case-3', '2026-11-20T02:00:00.000Z', 0, 'city.light.out'), [first, second])).toBeNull();
      expect(repeatProblem(place('case-3', '2026-11-30T02:00:00.000Z'), [first, second])).toBeNull(); // case-1 is 29 days old
    });

    it('keeps the same warning id as the cluster grows, so it is raised once', () => {
      const third = place('case-3', '2026-11-20T02:00:00.000Z');
      const fourth = place('case-4', '2026-11-21T02:00:00.000Z');
      expect(repeatProblem(fourth, [third, second, first])?.data.warningId).toBe('repeat-case-1');
    });
  });

  describe('a department missing check-ins', () => {
    const now = new Date('2026-11-30T00:00:00.000Z');
    const misses = [
      { whistleId: 'w-1', missedAt: '2026-11-02T00:00:00.000Z' },
      { whistleId: 'w-2', missedAt: '2026-11-12T00:00:00.000Z' },
      { whistleId: 'w-3', missedAt: '2026-11-29T00:00:00.000Z' },
    ];

    it('is raised at the third miss within 30 days, naming the department in the reader’s language', () => {
      const warning = checkInMisses(chengguan, misses, now, 'street-nanjingdong');
      expect(warning?.data).toMatchObject({ warningId: 'check-in-misses-dept-chengguan-w-1', departmentId: 'dept-chengguan' });
      expect(warning?.data.reason).toEqual({
        zh: '区城管执法局近 30 天已有 3 次吹哨没有按时报到。',
        en: 'District City Management missed 3 whistle check-ins in the last 30 days.',
      });
    });

    it('is not raised when the older misses are out of the window', () => {
      expect(checkInMisses(chengguan, misses, new Date('2026-12-03T00:00:00.000Z'), null)).toBeNull();
    });
  });

  describe('an assignment likely to miss its deadline', () => {
    const now = new Date('2026-11-26T09:00:00.000Z');
    const assignment = {
      assignmentId: 'a-9',
      caseId: 'case-9',
      departmentId: 'dept-chengguan',
      categoryCode: 'city.road.pothole',
      streetId: 'street-nanjingdong',
      resolveBy: '2026-11-27T09:00:00.000Z', // 24 hours left
    };

    it('is raised when the department’s recent pace, stretched by its backlog, runs past the deadline', () => {
      const warning = slaRisk(assignment, chengguan, 10, [14, 20, 30], now); // median 20 h × (1 + 10/10) = 40 h > 24 h
      expect(warning?.data).toMatchObject({ warningId: 'sla-risk-a-9', kind: 'sla_risk', subjectIds: ['case-9'] });
      expect(warning?.data.reason.zh).toBe(
        '区城管执法局手上还有 10 件未办完，近 30 天办结一件的中位用时 20 小时；这件离办结时限只剩 24 小时，可能超时。',
      );
    });

    it('is not raised when the pace fits the deadline, nor without enough history to judge', () => {
      expect(slaRisk(assignment, chengguan, 1, [14, 20, 30], now)).toBeNull(); // 22 h ≤ 24 h
      expect(slaRisk(assignment, chengguan, 50, [30, 40], now)).toBeNull();
    });
  });

  describe('the warning itself', () => {
    const spec = deciderSpec(earlyWarningDecider, {});
    const raise = repeatProblem(place('case-3', '2026-11-20T02:00:00.000Z'), [
      place('case-1', '2026-11-01T02:00:00.000Z'),
      place('case-2', '2026-11-10T02:00:00.000Z'),
    ])!;

    it('is raised once: the same pattern seen again is refused as already raised', () => {
      spec
        .given([])
        .when(raise)
        .then([{ type: 'EarlyWarningRaised', data: raise.data }]);
      spec
        .given([{ type: 'EarlyWarningRaised', data: raise.data }])
        .when(raise)
        .thenThrows('EARLY_WARNING.ALREADY_RAISED');
    });
  });
});

describe('the box the repeat-problem search narrows to', () => {
  /** The place `metres` away from `from` towards `bearing` degrees (0 = north), on the same sphere as distanceMetres. */
  const towards = (from: { lat: number; long: number }, bearing: number, metres: number) => {
    const rad = Math.PI / 180;
    const d = metres / 6_371_000;
    const lat1 = from.lat * rad;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing * rad));
    const long2 =
      from.long * rad + Math.atan2(Math.sin(bearing * rad) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    return { lat: lat2 / rad, long: long2 / rad };
  };

  it.each([
    ['Shanghai', { lat: 31.2304, long: 121.4737 }],
    ['Harbin', { lat: 45.8038, long: 126.535 }],
    ['the far south', { lat: -54.8, long: -68.3 }],
  ])('holds every place within the radius around %s, whichever way it lies', (_city, centre) => {
    const box = boxAround(centre, REPEAT.radiusMetres);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const edge = towards(centre, bearing, REPEAT.radiusMetres - 0.01);
      expect(distanceMetres(centre, edge)).toBeLessThanOrEqual(REPEAT.radiusMetres);
      expect(edge.lat).toBeGreaterThanOrEqual(box.south);
      expect(edge.lat).toBeLessThanOrEqual(box.north);
      expect(edge.long).toBeGreaterThanOrEqual(box.west);
      expect(edge.long).toBeLessThanOrEqual(box.east);
    }
    // and it stays a neighbourhood: a place 300 m north is outside
    expect(towards(centre, 0, 2 * REPEAT.radiusMetres).lat).toBeGreaterThan(box.north);
  });
});
