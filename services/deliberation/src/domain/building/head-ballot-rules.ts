import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import type { BuildingState } from './building.state';

/**
 * Whether this caller may put this candidate in the election's sealed box now. Pure, so every refusal comes
 * before anything is written: a resident of another building, an unverified one, a made-up candidate, a late ballot.
 */
export function assertMayVoteForHead(state: BuildingState, electionId: string, caller: Caller, candidateId: string, now: Date): void {
  const election = state.status === 'Registered' ? state.election : null;
  if (!election || election.electionId !== electionId) throw new DomainError('BUILDING.ELECTION_NOT_FOUND', 'no such election');
  if (election.status === 'Closed' || now.getTime() >= Date.parse(election.closesAt)) {
    throw new DomainError('VOTING.CLOSED', `voting closed at ${election.closesAt}`);
  }
  if (!caller.roles.includes('resident') || caller.verification !== 'verified' || !election.roll.includes(caller.subject)) {
    throw new DomainError(
      'BALLOT.NOT_ELIGIBLE',
      "this election is for the building's verified residents on its roll (drawn when voting opened)",
    );
  }
  if (!election.candidates.some((c) => c.residentId === candidateId)) {
    throw new DomainError('BALLOT.UNKNOWN_OPTION', `no candidate ${candidateId}`, { field: 'candidateId' });
  }
}
