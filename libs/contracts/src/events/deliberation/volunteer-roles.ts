import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id } from '../fields';
import { service } from './shared';

// Opinion leaders (意见领袖): stream volunteer-roles-<residentId>. A resident opts in (and out) to be drawn on as
// a meeting moderator or a volunteer team leader; staff pick only from those who opted in and hold the level.

export const VOLUNTEER_ROLES = ['meeting-moderator', 'volunteer-team-leader'] as const;
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number];

const role = z.enum(VOLUNTEER_ROLES).describe('meeting-moderator (主持人) or volunteer-team-leader (志愿队长).');

export const VolunteerRoleOptedIn = defineEvent({
  service,
  type: 'VolunteerRoleOptedIn',
  version: 1,
  summary: 'A resident offered to serve in a role in their community; staff may now pick them where their level allows.',
  schema: z.object({ residentId: id, communityId: id, role }),
});

export const VolunteerRoleOptedOut = defineEvent({
  service,
  type: 'VolunteerRoleOptedOut',
  version: 1,
  summary: 'A resident withdrew from a role; staff can no longer pick them for it.',
  schema: z.object({ residentId: id, communityId: id, role }),
});
