import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import type { OwnersVoteState } from './owners-vote.decider';

/** Whether this caller may cast this home's ballot now: only an owner of a home on the roll, inside the window. */
export function assertMayCastForHome(state: OwnersVoteState, caller: Caller, homeId: string, optionId: string, now: Date): void {
  if (state.status === 'None') throw new DomainError('OWNERS_VOTE.NOT_FOUND', 'no such vote');
  if (state.status === 'Closed' || now.getTime() >= Date.parse(state.vote.closesAt)) {
    throw new DomainError('VOTING.CLOSED', `voting closed at ${state.vote.closesAt}`);
  }
  const home = state.vote.homes.find((h) => h.homeId === homeId);
  if (!caller.roles.includes('resident') || caller.verification !== 'verified' || !home || !home.ownerIds.includes(caller.subject)) {
    throw new DomainError('BALLOT.NOT_ELIGIBLE', "only an owner of a home on this vote's roll casts its ballot", { field: 'homeId' });
  }
  if (!state.vote.options.some((o) => o.optionId === optionId)) {
    throw new DomainError('BALLOT.UNKNOWN_OPTION', `no option ${optionId}`, { field: 'optionId' });
  }
}
