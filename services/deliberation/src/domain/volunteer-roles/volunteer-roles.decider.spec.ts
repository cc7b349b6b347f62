import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { assertPickable } from './pick-from-pool';
import { volunteerRolesDecider, type VolunteerRolesEvent } from './volunteer-roles.decider';

const resident = (subject: string, communityId = 'community-hexie'): Caller => ({
  subject,
  roles: ['resident'],
  scope: { communityId },
  verification: 'verified',
});
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const spec = deciderSpec(volunteerRolesDecider, { caller: resident('res-1') });
const optIn = { type: 'OptIn' as const, data: { residentId: 'res-1', role: 'meeting-moderator' as const } };
const optOut = { type: 'OptOut' as const, data: { residentId: 'res-1', role: 'meeting-moderator' as const } };
const optedIn = (communityId = 'community-hexie'): VolunteerRolesEvent => ({
  type: 'VolunteerRoleOptedIn',
  data: { residentId: 'res-1', communityId, role: 'meeting-moderator' },
});

describe('volunteer roles (意见领袖)', () => {
  describe('when the resident has not opted in', () => {
    it('records the offer in their own community', () => {
      spec.given([]).when(optIn).then([optedIn()]);
    });

    it('takes nothing back that was never offered', () => {
      spec.given([]).when(optOut).then([]);
    });

    it('refuses another resident signing them up', () => {
      spec
        .given([])
        .when(optIn, { caller: resident('res-2') })
        .thenThrows('VOLUNTEER_ROLE.FORBIDDEN', { field: 'residentId', residentId: 'res-1' });
    });

    it('refuses an officer signing them up', () => {
      spec
        .given([])
        .when({ ...optIn, data: { ...optIn.data } }, { caller: { ...officer, subject: 'res-1' } })
        .thenThrows('VOLUNTEER_ROLE.FORBIDDEN');
    });
  });

  describe('when the resident stands for the role', () => {
    it('changes nothing when they opt in again', () => {
      spec.given([optedIn()]).when(optIn).then([]);
    });

    it('withdraws them when they opt out', () => {
      spec
        .given([optedIn()])
        .when(optOut)
        .then([
          { type: 'VolunteerRoleOptedOut', data: { residentId: 'res-1', communityId: 'community-hexie', role: 'meeting-moderator' } },
        ]);
    });

    it('moves the offer with a resident who moved community', () => {
      spec
        .given([optedIn('community-old')])
        .when(optIn)
        .then([
          { type: 'VolunteerRoleOptedOut', data: { residentId: 'res-1', communityId: 'community-old', role: 'meeting-moderator' } },
          optedIn(),
        ]);
    });

    it('keeps the other role when one is withdrawn', () => {
      const leader: VolunteerRolesEvent = {
        type: 'VolunteerRoleOptedIn',
        data: { residentId: 'res-1', communityId: 'community-hexie', role: 'volunteer-team-leader' },
      };
      const state = spec
        .given([optedIn(), leader])
        .when(optOut)
        .then([
          { type: 'VolunteerRoleOptedOut', data: { residentId: 'res-1', communityId: 'community-hexie', role: 'meeting-moderator' } },
        ]);
      expect(state.standing).toEqual({ 'volunteer-team-leader': 'community-hexie' });
    });
  });
});

describe('picking from the pool', () => {
  const pick = (standingIn: string | null, privileges: string[]) => () =>
    assertPickable({ residentId: 'res-1', standingIn, privileges }, 'meeting-moderator', 'community-hexie', 'moderatorId');

  it('lets staff pick a resident who opted in and whose level unlocks moderating', () => {
    expect(pick('community-hexie', ['early-sign-up', 'moderate-meeting'])).not.toThrow();
  });

  it('refuses a resident who did not opt in, however high their level', () => {
    expect(pick(null, ['moderate-meeting'])).toThrow(expect.objectContaining({ code: 'VOLUNTEER_ROLE.NOT_OPTED_IN' }));
  });

  it('refuses a resident who opted in elsewhere', () => {
    expect(pick('community-other', ['moderate-meeting'])).toThrow(expect.objectContaining({ code: 'VOLUNTEER_ROLE.NOT_OPTED_IN' }));
  });

  it('refuses a resident whose level does not unlock moderating, naming the privilege', () => {
    expect(pick('community-hexie', ['early-sign-up'])).toThrow(
      expect.objectContaining({
        code: 'VOLUNTEER_ROLE.PRIVILEGE_MISSING',
        details: expect.objectContaining({ privilege: 'moderate-meeting' }),
      }),
    );
  });
});
