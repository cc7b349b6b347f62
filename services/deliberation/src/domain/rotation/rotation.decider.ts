import { createHash } from 'node:crypto';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { assertOfficerOf, assertResidentOf, type Caller } from '../caller';

// Council rotation (轮值制度): one stream per community council.

export const councilStreamId = (communityId: string) => `council-${communityId}`;

interface Member {
  readonly residentId: string;
  readonly displayName: string;
}

export type RotationEvent =
  | { readonly type: 'CouncilVolunteerRegistered'; readonly data: { communityId: string } & Member }
  | {
      readonly type: 'CouncilRotated';
      readonly data: { communityId: string; term: number; members: Member[]; volunteers: number; returning: number };
    };

export type RotationCommand =
  | { readonly type: 'Volunteer'; readonly data: { communityId: string; displayName: string } }
  | { readonly type: 'Rotate'; readonly data: { communityId: string; seats: number; restTerms: number } };

export interface RotationState {
  readonly volunteers: readonly Member[];
  /** Members of each term so far, oldest first. */
  readonly terms: readonly (readonly string[])[];
}

export interface RotationContext extends DecisionContext {
  readonly caller: Caller;
}

/**
 * A deterministic draw: volunteers ordered by a hash of (community, term, resident), so the same state
 * always seats the same people and nobody can game the order. Those who served in the last `restTerms`
 * terms sit out while enough others stood; if too few did, the ones who served least recently fill the
 * remaining seats (and are counted as returning).
 */
function draw(
  state: RotationState,
  communityId: string,
  term: number,
  seats: number,
  restTerms: number,
): { members: Member[]; returning: number } {
  const order = (m: Member) => createHash('sha256').update(`${communityId}:${term}:${m.residentId}`).digest('hex');
  const shuffled = [...state.volunteers].sort((a, b) => order(a).localeCompare(order(b)));
  const resting = new Set(state.terms.slice(-restTerms).flat());
  const fresh = shuffled.filter((m) => !resting.has(m.residentId));
  const lastServed = (m: Member) => state.terms.map((t) => t.includes(m.residentId)).lastIndexOf(true);
  const returning = shuffled.filter((m) => resting.has(m.residentId)).sort((a, b) => lastServed(a) - lastServed(b));
  const members = [...fresh, ...returning].slice(0, seats);
  return { members, returning: members.filter((m) => resting.has(m.residentId)).length };
}

export const rotationDecider: Decider<RotationState, RotationCommand, RotationEvent, RotationContext> = {
  initialState: () => ({ volunteers: [], terms: [] }),

  decide(command, state, { caller }) {
    switch (command.type) {
      case 'Volunteer': {
        assertResidentOf(caller, command.data.communityId, 'COUNCIL.FORBIDDEN');
        if (state.volunteers.some((m) => m.residentId === caller.subject)) {
          throw new DomainError('COUNCIL.ALREADY_VOLUNTEERED', 'You have already volunteered for the council', { field: 'residentId' });
        }
        return [
          {
            type: 'CouncilVolunteerRegistered',
            data: { communityId: command.data.communityId, residentId: caller.subject, displayName: command.data.displayName },
          },
        ];
      }
      case 'Rotate': {
        const { communityId, seats, restTerms } = command.data;
        assertOfficerOf(caller, communityId, 'COUNCIL.FORBIDDEN');
        if (state.volunteers.length < seats) {
          throw new DomainError(
            'COUNCIL.TOO_FEW_VOLUNTEERS',
            `${seats} seats need at least ${seats} volunteers; ${state.volunteers.length} have stood`,
            {
              field: 'seats',
            },
          );
        }
        const term = state.terms.length + 1;
        const { members, returning } = draw(state, communityId, term, seats, restTerms);
        return [{ type: 'CouncilRotated', data: { communityId, term, members, volunteers: state.volunteers.length, returning } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown rotation command ${(unknown as { type: string }).type}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CouncilVolunteerRegistered':
        return { ...state, volunteers: [...state.volunteers, { residentId: event.data.residentId, displayName: event.data.displayName }] };
      case 'CouncilRotated':
        return { ...state, terms: [...state.terms, event.data.members.map((m) => m.residentId)] };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
