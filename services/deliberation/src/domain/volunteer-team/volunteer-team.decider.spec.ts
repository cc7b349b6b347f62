import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import type { Candidate } from '../volunteer-roles/pick-from-pool';
import { teamLedBy, volunteerTeamDecider, type VolunteerTeamEvent } from './volunteer-team.decider';

const HEXIE = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const officer: Caller = { subject: 'officer-1', roles: ['community_officer'], scope: HEXIE, verification: 'verified' };
const streetOfficer: Caller = {
  subject: 'street-1',
  roles: ['street_officer'],
  scope: { ...HEXIE, communityId: undefined },
  verification: 'verified',
};
const otherOfficer: Caller = {
  ...officer,
  subject: 'officer-2',
  scope: { ...HEXIE, streetId: 'street-waitan', communityId: 'community-other' },
};
const resident = (subject: string): Caller => ({ subject, roles: ['resident'], scope: HEXIE, verification: 'verified' });

/** A resident of the pool: opted in to lead in Hexie, with the level that unlocks it. */
const standing = (residentId: string): Candidate => ({ residentId, standingIn: 'community-hexie', privileges: ['lead-volunteer-team'] });
const spec = deciderSpec(volunteerTeamDecider, { caller: officer, candidate: standing('res-wang') });

const form = (leaderId: string | null = 'res-wang', name = '环保志愿队') => ({
  type: 'FormTeam' as const,
  data: { teamId: 't1', communityId: 'community-hexie', name, purpose: '每周六清理小区河道', leaderId },
});
const appoint = (leaderId: string, teamId = 't1') => ({
  type: 'AppointLeader' as const,
  data: { teamId, communityId: 'community-hexie', leaderId },
});
const standDown = (leaderId: string, reason: 'stepped-down' | 'opted-out' = 'stepped-down') => ({
  type: 'StandDown' as const,
  data: { teamId: 't1', communityId: 'community-hexie', leaderId, reason },
});
const formed = (teamId = 't1', name = '环保志愿队'): VolunteerTeamEvent => ({
  type: 'VolunteerTeamFormed',
  data: { teamId, communityId: 'community-hexie', name, purpose: teamId === 't1' ? '每周六清理小区河道' : null },
});
const appointed = (leaderId: string, previousLeaderId: string | null = null, teamId = 't1'): VolunteerTeamEvent => ({
  type: 'VolunteerTeamLeaderAppointed',
  data: { teamId, communityId: 'community-hexie', leaderId, previousLeaderId },
});

describe('a community volunteer team (志愿服务队)', () => {
  describe('when not formed', () => {
    it('is formed by an officer of the community with a leader from the pool', () => {
      const state = spec
        .given([])
        .when(form())
        .then([formed(), appointed('res-wang')]);
      expect(teamLedBy(state, 'res-wang')?.name).toBe('环保志愿队');
    });

    it('may be formed without a leader, by the street officer too', () => {
      spec.given([]).when(form(null), { caller: streetOfficer, candidate: undefined }).then([formed()]);
    });

    it('is refused to an officer of another community and to a resident, before anything about the pool is said', () => {
      const notInPool: Candidate = { residentId: 'res-wang', standingIn: null, privileges: [] };
      spec.given([]).when(form(), { caller: otherOfficer, candidate: notInPool }).thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
      spec
        .given([])
        .when(form(), { caller: resident('res-wang') })
        .thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
    });

    it('refuses a resident who never opted in to lead, naming leaderId', () => {
      spec
        .given([])
        .when(form(), { candidate: { residentId: 'res-wang', standingIn: null, privileges: ['lead-volunteer-team'] } })
        .thenThrows('VOLUNTEER_ROLE.NOT_OPTED_IN', { field: 'leaderId', residentId: 'res-wang' });
    });

    it('refuses a resident who opted in but whose level does not unlock leading', () => {
      spec
        .given([])
        .when(form(), { candidate: { residentId: 'res-wang', standingIn: 'community-hexie', privileges: ['early-sign-up'] } })
        .thenThrows('VOLUNTEER_ROLE.PRIVILEGE_MISSING', { field: 'leaderId', privilege: 'lead-volunteer-team' });
    });

    it('refuses a resident who opted in to lead in another community', () => {
      spec
        .given([])
        .when(form(), { candidate: { residentId: 'res-wang', standingIn: 'community-other', privileges: ['lead-volunteer-team'] } })
        .thenThrows('VOLUNTEER_ROLE.NOT_OPTED_IN');
    });
  });

  describe('when the community has a team', () => {
    it('refuses a second team of the same name, whatever its case', () => {
      spec
        .given([formed('t0', 'Green Team')])
        .when(form(null, 'green team'), { candidate: undefined })
        .thenThrows('VOLUNTEER_TEAM.NAME_TAKEN', { field: 'name' });
    });

    it('refuses making the leader of one team the leader of another', () => {
      spec
        .given([formed('t0', '助老志愿队'), appointed('res-wang', null, 't0')])
        .when(form())
        .thenThrows('VOLUNTEER_TEAM.ALREADY_LEADS', { field: 'leaderId', teamId: 't0' });
    });

    it('lets an officer replace the leader, naming whom they replaced', () => {
      spec
        .given([formed(), appointed('res-wang')])
        .when(appoint('res-li'), { candidate: standing('res-li') })
        .then([appointed('res-li', 'res-wang')]);
    });

    it('changes nothing when the sitting leader is appointed again', () => {
      spec
        .given([formed(), appointed('res-wang')])
        .when(appoint('res-wang'))
        .then([]);
    });

    it('refuses a leader who has since withdrawn from the pool, even the sitting one', () => {
      spec
        .given([formed(), appointed('res-wang')])
        .when(appoint('res-wang'), { candidate: { residentId: 'res-wang', standingIn: null, privileges: ['lead-volunteer-team'] } })
        .thenThrows('VOLUNTEER_ROLE.NOT_OPTED_IN');
    });

    it('refuses appointing to a team the community does not have, and a resident appointing', () => {
      spec.given([formed()]).when(appoint('res-wang', 't-made-up')).thenThrows('VOLUNTEER_TEAM.NOT_FOUND');
      spec
        .given([formed()])
        .when(appoint('res-wang'), { caller: resident('res-wang') })
        .thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
      spec.given([formed()]).when(appoint('res-wang'), { caller: otherOfficer }).thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
    });
  });

  describe('when the team has a leader', () => {
    const led = [formed(), appointed('res-wang')];

    it('lets the leader step down, leaving the team to wait for another', () => {
      const state = spec
        .given(led)
        .when(standDown('res-wang'), { caller: resident('res-wang') })
        .then([
          {
            type: 'VolunteerTeamLeaderStoodDown',
            data: { teamId: 't1', communityId: 'community-hexie', leaderId: 'res-wang', reason: 'stepped-down' },
          },
        ]);
      expect(state.teams[0].leaderId).toBeNull();
    });

    const withdrawn: Candidate = { residentId: 'res-wang', standingIn: null, privileges: ['lead-volunteer-team'] };

    it('stands the leader down when they withdraw from leading teams, whoever notices', () => {
      spec
        .given(led)
        .when(standDown('res-wang', 'opted-out'), { caller: officer, candidate: withdrawn })
        .then([
          {
            type: 'VolunteerTeamLeaderStoodDown',
            data: { teamId: 't1', communityId: 'community-hexie', leaderId: 'res-wang', reason: 'opted-out' },
          },
        ]);
    });

    it('lets nobody else step the leader down, not even an officer', () => {
      spec
        .given(led)
        .when(standDown('res-wang'), { caller: resident('res-li') })
        .thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
      spec.given(led).when(standDown('res-wang'), { caller: officer }).thenThrows('VOLUNTEER_TEAM.FORBIDDEN');
    });

    it('never stands down a leader who still stands for the role', () => {
      const decide = () =>
        spec
          .given(led)
          .when(standDown('res-wang', 'opted-out'), { caller: officer, candidate: standing('res-wang') })
          .then([]);
      expect(decide).toThrow(/still stands/);
    });

    it('tells a replaced leader they lead it no more, and finds nothing to do when they then withdraw', () => {
      const replaced = [...led, appointed('res-li', 'res-wang')];
      spec
        .given(replaced)
        .when(standDown('res-wang'), { caller: resident('res-wang') })
        .thenThrows('VOLUNTEER_TEAM.NOT_LEADER');
      spec
        .given(replaced)
        .when(standDown('res-wang', 'opted-out'), { caller: resident('res-wang'), candidate: withdrawn })
        .then([]);
    });
  });
});
