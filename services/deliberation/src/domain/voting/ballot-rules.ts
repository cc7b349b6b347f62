import { DomainError } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import type { TopicState } from '../topic/topic.state';

/** The roll was drawn when voting opened: who moved in or was verified later votes next time. */
export const NOT_ON_ROLL = 'you are not on the roll of this vote (the verified residents of its scope when voting opened)';

/**
 * Whether this caller may put this choice in the ballot box of this topic now. Pure, so every refusal is
 * decided before anything is written: outside the window, not eligible, or an option that does not exist.
 */
export function assertMayVote(state: TopicState, caller: Caller, optionId: string, now: Date): void {
  if (state.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', 'no such topic');
  if (state.status !== 'Voting' && state.voting) throw new DomainError('VOTING.CLOSED', `voting closed at ${state.voting.closesAt}`);
  if (state.status !== 'Voting' || !state.voting) {
    throw new DomainError('VOTING.NOT_OPEN', `voting is not open on this topic (it is ${state.status})`);
  }
  const voting = state.voting;
  if (now.getTime() >= Date.parse(voting.closesAt)) throw new DomainError('VOTING.CLOSED', `voting closed at ${voting.closesAt}`);
  if (!caller.roles.includes('resident')) throw new DomainError('BALLOT.FORBIDDEN', 'only residents vote');
  const { scope, scopeId, roster, verifiedOnly } = voting.eligibility;
  const inScope =
    scope === 'community'
      ? caller.scope.communityId === scopeId
      : scope === 'grid'
        ? caller.scope.gridId === scopeId
        : (roster ?? []).includes(caller.subject);
  if (!inScope) {
    const who = scope === 'group' ? `the members of interest group ${scopeId}` : `the residents of ${scope} ${scopeId}`;
    throw new DomainError('BALLOT.NOT_ELIGIBLE', `this vote is for ${who}`);
  }
  if (verifiedOnly && caller.verification !== 'verified') {
    throw new DomainError('BALLOT.NOT_ELIGIBLE', 'this vote is for verified residents: ask your community office to verify you');
  }
  if (state.roll && !state.roll.has(caller.subject)) throw new DomainError('BALLOT.NOT_ELIGIBLE', NOT_ON_ROLL);
  if (!voting.options.some((o) => o.optionId === optionId)) {
    throw new DomainError(
      'BALLOT.UNKNOWN_OPTION',
      `no option ${optionId}; the options are ${voting.options.map((o) => o.optionId).join(', ')}`,
      {
        field: 'optionId',
      },
    );
  }
}
