import type { LevelPrivilege, VolunteerRole } from '@gongzhi/contracts';
import { DomainError } from '@gongzhi/eventsourcing';

/** The privilege (等级权限) a role asks of the resident picked for it, as the points rules name it. */
export const PRIVILEGE_FOR_ROLE: Readonly<Record<VolunteerRole, LevelPrivilege>> = {
  'meeting-moderator': 'moderate-meeting',
  'volunteer-team-leader': 'lead-volunteer-team',
};

export interface Candidate {
  readonly residentId: string;
  /** The community the resident stands in for the role, or null when they have not opted in. */
  readonly standingIn: string | null;
  /** What the resident's level unlocks, as points last announced it. */
  readonly privileges: readonly string[];
}

/**
 * Staff pick a resident for a role only from the pool of those who offered themselves in that community and
 * whose level unlocks it; `field` names the request field the refusal points at.
 */
export function assertPickable(candidate: Candidate, role: VolunteerRole, communityId: string, field: string): void {
  const { residentId, standingIn, privileges } = candidate;
  if (standingIn !== communityId) {
    throw new DomainError(
      'VOLUNTEER_ROLE.NOT_OPTED_IN',
      `${residentId} has not offered to serve as ${role} in ${communityId}; pick someone from the community's pool`,
      { field, residentId, role },
    );
  }
  const needed = PRIVILEGE_FOR_ROLE[role];
  if (!privileges.includes(needed)) {
    throw new DomainError(
      'VOLUNTEER_ROLE.PRIVILEGE_MISSING',
      `${residentId} has not reached the level that unlocks ${needed}, which ${role} needs`,
      { field, residentId, role, privilege: needed },
    );
  }
}
