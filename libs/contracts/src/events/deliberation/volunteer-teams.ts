import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, text } from '../fields';
import { service } from './shared';

// Community volunteer teams (志愿服务队): stream volunteer-teams-<communityId>, every team of one community. Officers of
// the community form a team and appoint its leader (志愿队队长) from the residents who opted in to lead and whose
// level unlocks `lead-volunteer-team`; the leader may step down, and stands down when they withdraw from the pool.

export const VOLUNTEER_TEAM_STAND_DOWN_REASONS = ['stepped-down', 'opted-out'] as const;
export type VolunteerTeamStandDownReason = (typeof VOLUNTEER_TEAM_STAND_DOWN_REASONS)[number];

export const VolunteerTeamFormed = defineEvent({
  service,
  type: 'VolunteerTeamFormed',
  version: 1,
  summary: 'An officer of the community formed a volunteer team (志愿服务队) with a name and, optionally, what it is for.',
  schema: z.object({ teamId: id, communityId: id, name: text, purpose: z.string().nullable() }),
});

export const VolunteerTeamLeaderAppointed = defineEvent({
  service,
  type: 'VolunteerTeamLeaderAppointed',
  version: 1,
  summary:
    'An officer of the community appointed a resident from its pool to lead the team (志愿队队长); previousLeaderId names the ' +
    'leader they replaced, null when the team had none.',
  schema: z.object({ teamId: id, communityId: id, leaderId: id, previousLeaderId: id.nullable() }),
});

export const VolunteerTeamLeaderStoodDown = defineEvent({
  service,
  type: 'VolunteerTeamLeaderStoodDown',
  version: 1,
  summary:
    'The leader left the team without a successor: stepped-down by their own request, or opted-out when they withdrew from ' +
    'leading volunteer teams. The team waits for the officers to appoint another.',
  schema: z.object({ teamId: id, communityId: id, leaderId: id, reason: z.enum(VOLUNTEER_TEAM_STAND_DOWN_REASONS) }),
});
