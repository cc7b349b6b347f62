import type { ContractDomainEvent, VolunteerRole } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';

// Opinion leaders (意见领袖): one stream per resident, holding the roles they offered to serve in.

export const volunteerRolesStreamId = (residentId: string) => `volunteer-roles-${residentId}`;

export type VolunteerRolesEvent = ContractDomainEvent<'VolunteerRoleOptedIn'> | ContractDomainEvent<'VolunteerRoleOptedOut'>;

export type VolunteerRolesCommand =
  | { readonly type: 'OptIn'; readonly data: { residentId: string; role: VolunteerRole } }
  | { readonly type: 'OptOut'; readonly data: { residentId: string; role: VolunteerRole } };

/** By role: the community the resident offered to serve in, while they stand. */
export interface VolunteerRolesState {
  readonly standing: Readonly<Partial<Record<VolunteerRole, string>>>;
}

export interface VolunteerRolesContext extends DecisionContext {
  readonly caller: Caller;
}

/** Only the resident may offer themself: a role someone else signed them up for would not be their choice. */
function assertSelf(caller: Caller, residentId: string): string {
  const communityId = caller.scope.communityId;
  if (caller.subject !== residentId || !caller.roles.includes('resident') || !communityId) {
    throw new DomainError('VOLUNTEER_ROLE.FORBIDDEN', 'only the resident themself can opt in or out of a role', {
      field: 'residentId',
      residentId,
    });
  }
  return communityId;
}

export const volunteerRolesDecider: Decider<VolunteerRolesState, VolunteerRolesCommand, VolunteerRolesEvent, VolunteerRolesContext> = {
  initialState: () => ({ standing: {} }),
  evolve(state, event) {
    const { role, communityId } = event.data;
    switch (event.type) {
      case 'VolunteerRoleOptedIn':
        return { standing: { ...state.standing, [role]: communityId } };
      case 'VolunteerRoleOptedOut': {
        const { [role]: _left, ...rest } = state.standing;
        return { standing: rest };
      }
      default: {
        const unhandled: never = event;
        throw new Error(`Unknown volunteer-role event ${JSON.stringify(unhandled)}`);
      }
    }
  },
  decide(command, state, { caller }) {
    const { residentId, role } = command.data;
    const communityId = assertSelf(caller, residentId);
    const standingIn = state.standing[role];
    switch (command.type) {
      case 'OptIn':
        // Asking twice changes nothing; a resident who moved community stands in the new one.
        if (standingIn === communityId) return [];
        return [
          ...(standingIn ? [{ type: 'VolunteerRoleOptedOut' as const, data: { residentId, communityId: standingIn, role } }] : []),
          { type: 'VolunteerRoleOptedIn', data: { residentId, communityId, role } },
        ];
      case 'OptOut':
        if (!standingIn) return [];
        return [{ type: 'VolunteerRoleOptedOut', data: { residentId, communityId: standingIn, role } }];
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown volunteer-role command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};
