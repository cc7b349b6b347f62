import { deciderSpec } from '@gongzhi/testing';
import { activityDecider, type ActivityEvent, type SignUpForActivity } from './activity.decider';

// Sign-up opens 2026-11-28 10:00 in Shanghai (02:00 UTC); the activity starts 2026-11-29 14:00 (06:00 UTC).
const activity = {
  activityId: 'a-tea',
  communityId: 'community-hexie',
  title: '社区茶话会',
  startsAt: '2026-11-29T06:00:00.000Z',
  capacity: 2,
  signUpOpensAt: '2026-11-28T02:00:00.000Z',
};
const scheduled: ActivityEvent = { type: 'CommunityActivityScheduled', data: { ...activity, scheduledBy: 'officer-hexie' } };
const afterOpening = new Date('2026-11-28T03:00:00.000Z');
const spec = deciderSpec(activityDecider, {
  timeZone: 'Asia/Shanghai',
  earlySignUpHours: 24,
  residentOfCommunityId: 'community-hexie',
  now: afterOpening,
  actor: { id: 'resident-wang', kind: 'user' },
});
const signUp = (residentId = 'resident-wang'): SignUpForActivity => ({
  type: 'SignUpForActivity',
  data: { activityId: 'a-tea', residentId },
});
const signedUp = (residentId: string, early = false): ActivityEvent => ({
  type: 'ActivitySignedUp',
  data: { activityId: 'a-tea', communityId: 'community-hexie', residentId, early },
});

describe('activity decider (scheduling and sign-up)', () => {
  it('schedules an activity whose sign-up opens before it starts', () => {
    spec
      .given([])
      .when({ type: 'ScheduleActivity', data: activity }, { actor: { id: 'officer-hexie', kind: 'user' } })
      .then([scheduled]);
    spec
      .given([])
      .when({ type: 'ScheduleActivity', data: { ...activity, signUpOpensAt: activity.startsAt } })
      .thenThrows('ACTIVITY.INVALID_SIGN_UP_OPENING', { field: 'signUpOpensAt' });
    spec
      .given([])
      .when({ type: 'ScheduleActivity', data: activity }, { now: new Date('2026-11-30T00:00:00.000Z') })
      .thenThrows('ACTIVITY.INVALID_START', { field: 'startsAt' });
  });

  it('signs up a resident of the community once sign-up is open', () => {
    spec
      .given([scheduled])
      .when(signUp())
      .then([signedUp('resident-wang')]);
  });

  it('refuses before the opening, naming the opening time in city time', () => {
    const refusal = spec
      .given([scheduled])
      .when(signUp(), { now: new Date('2026-11-28T01:59:00.000Z') })
      .thenThrows('ACTIVITY.SIGN_UP_NOT_OPEN', { opensAtCityTime: '2026-11-28 10:00' });
    expect(refusal.message).toContain('2026-11-28 10:00');
  });

  it('lets a resident holding early-sign-up in up to 24 hours before the opening, and marks it early', () => {
    spec
      .given([scheduled])
      .when(signUp(), { now: new Date('2026-11-27T02:00:00.000Z'), holdsEarlySignUp: true })
      .then([signedUp('resident-wang', true)]);
    spec
      .given([scheduled])
      .when(signUp(), { now: new Date('2026-11-27T01:59:00.000Z'), holdsEarlySignUp: true })
      .thenThrows('ACTIVITY.SIGN_UP_NOT_OPEN');
    spec
      .given([scheduled])
      .when(signUp(), { now: new Date('2026-11-27T12:00:00.000Z'), holdsEarlySignUp: false })
      .thenThrows('ACTIVITY.SIGN_UP_NOT_OPEN');
  });

  it('refuses a full activity, a second sign-up and a sign-up after the start', () => {
    spec
      .given([scheduled, signedUp('resident-li'), signedUp('resident-zhao')])
      .when(signUp())
      .thenThrows('ACTIVITY.FULL', { capacity: 2 });
    spec
      .given([scheduled, signedUp('resident-wang')])
      .when(signUp())
      .thenThrows('ACTIVITY.ALREADY_SIGNED_UP');
    spec
      .given([scheduled])
      .when(signUp(), { now: new Date('2026-11-29T06:00:00.000Z') })
      .thenThrows('ACTIVITY.STARTED');
  });

  it('refuses signing up somebody else, a resident of another community and an unknown activity', () => {
    spec.given([scheduled]).when(signUp('resident-li')).thenThrows('ACTIVITY.FORBIDDEN', { rule: 'self_only' });
    spec
      .given([scheduled])
      .when(signUp(), { residentOfCommunityId: 'community-other' })
      .thenThrows('ACTIVITY.FORBIDDEN', { rule: 'verified_resident_of_community' });
    spec.given([]).when(signUp()).thenThrows('ACTIVITY.NOT_FOUND');
  });
});
