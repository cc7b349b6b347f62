import { matchesSubscription } from './subscription-filter';
import { createSubscriptionRequest } from './subscription.requests';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';

const assignment = { type: 'AssignmentCreated', data: { assignmentId: 'a-1', departmentId: 'dept-chengguan', streetId: 'street-hexie' } };
const whistle = {
  type: 'WhistleBlown',
  data: {
    whistleId: 'w-1',
    streetId: 'street-hexie',
    departmentIds: ['dept-jiaojing', 'dept-chengguan'],
    leadDepartmentId: 'dept-jiaojing',
  },
};
const points = { type: 'PointsAwarded', data: { residentId: 'r-1', points: 5 } };

describe('which events a subscription receives', () => {
  const all = { eventTypes: ['AssignmentCreated', 'WhistleBlown', 'PointsAwarded'], departmentId: null, streetId: null };

  it('only the types it named', () => {
    expect(matchesSubscription({ ...all, eventTypes: ['WhistleBlown'] }, assignment)).toBe(false);
    expect(matchesSubscription({ ...all, eventTypes: ['WhistleBlown'] }, whistle)).toBe(true);
  });

  it("by department: events naming that department, alone or among a whistle's departments", () => {
    const chengguan = { ...all, departmentId: 'dept-chengguan' };
    expect(matchesSubscription(chengguan, assignment)).toBe(true);
    expect(matchesSubscription(chengguan, whistle)).toBe(true);
    expect(matchesSubscription({ ...all, departmentId: 'dept-zhujian' }, assignment)).toBe(false);
    expect(matchesSubscription({ ...all, departmentId: 'dept-zhujian' }, whistle)).toBe(false);
    // An event that names no department is no department's business.
    expect(matchesSubscription(chengguan, points)).toBe(false);
  });

  it('by street, and by both at once', () => {
    expect(matchesSubscription({ ...all, streetId: 'street-hexie' }, whistle)).toBe(true);
    expect(matchesSubscription({ ...all, streetId: 'street-other' }, whistle)).toBe(false);
    expect(matchesSubscription({ ...all, streetId: 'street-hexie', departmentId: 'dept-zhujian' }, assignment)).toBe(false);
    expect(matchesSubscription({ ...all, streetId: 'street-hexie', departmentId: 'dept-chengguan' }, assignment)).toBe(true);
  });
});

describe('a subscription request', () => {
  const valid = { url: 'https://dept.example.gov.cn/hooks/gongzhi', eventTypes: ['AssignmentCreated'] };

  it('offers the public contracts only', () => {
    expect(WEBHOOK_EVENT_TYPES).toContain('CaseReported');
    expect(WEBHOOK_EVENT_TYPES).toContain('AssignmentCreated');
    expect(createSubscriptionRequest.safeParse(valid).success).toBe(true);
  });

  it('refuses an unknown type, naming it and its place', () => {
    const parsed = createSubscriptionRequest.safeParse({ ...valid, eventTypes: ['AssignmentCreated', 'BallotChoiceRecorded'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({
        path: ['eventTypes', 1],
        message: expect.stringContaining('BallotChoiceRecorded is not a public event type'),
      }),
    ]);
  });

  it.each(['ftp://dept.example/hook', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'https://user:pw@dept.example/hook'])(
    'refuses the URL %s',
    (url) => {
      const parsed = createSubscriptionRequest.safeParse({ ...valid, url });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].path).toEqual(['url']);
    },
  );
});
