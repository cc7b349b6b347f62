import type { PublicEventData } from '@gongzhi/contracts';
import { turnoutOf } from './roll';

type VotingOpenedData = PublicEventData<'VotingOpened'>;
export type VotingResult = PublicEventData<'VotingClosed'>;

/** Option ids with a meaning: `no` rejects the proposal, `abstain` counts for turnout but not for the threshold. */
export const YES = 'yes';
export const NO = 'no';
export const ABSTAIN = 'abstain';

/**
 * The result of a closed vote. Turnout counts every ballot against the recorded roll (eligibleVoters is its size); the pass threshold is the winner's share of
 * the ballots that were not abstentions. A tie has no winner and passes nothing; a winning `no` is a
 * clear result that does not pass.
 */
export function tallyVotes(voting: VotingOpenedData, counts: Readonly<Record<string, number>>, assistedBallots = 0): VotingResult {
  const tally = voting.options.map(({ optionId }) => ({ optionId, votes: counts[optionId] ?? 0 }));
  const ballotsCast = tally.reduce((sum, option) => sum + option.votes, 0);
  const turnoutPercent = turnoutOf(ballotsCast, voting.eligibleVoters);
  const quorumMet = ballotsCast > 0 && turnoutPercent >= voting.quorumPercent;
  const decisive = tally.filter((option) => option.optionId !== ABSTAIN);
  const decisiveBallots = decisive.reduce((sum, option) => sum + option.votes, 0);
  const top = Math.max(0, ...decisive.map((option) => option.votes));
  const leaders = decisive.filter((option) => option.votes === top && top > 0);
  const winningOptionId = leaders.length === 1 ? leaders[0].optionId : null;
  const share = decisiveBallots === 0 ? 0 : (top / decisiveBallots) * 100;
  const passed = quorumMet && winningOptionId !== null && winningOptionId !== NO && share >= voting.passThresholdPercent;
  return {
    topicId: voting.topicId,
    tally,
    ballotsCast,
    eligibleVoters: voting.eligibleVoters,
    turnoutPercent,
    quorumMet,
    passed,
    winningOptionId,
    assistedBallots: Math.min(assistedBallots, ballotsCast),
  };
}
