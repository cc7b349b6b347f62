import type { Public } from '../topic/topic.events';

/** The events of a pool's stream, `budget-<communityId>-<year>`: each is exactly its public contract. */
export type BudgetPoolOpened = Public<'BudgetPoolOpened'>;
export type NeedOrdered = Public<'NeedOrdered'>;
export type NeedMatched = Public<'NeedMatched'>;
export type BudgetVotingRollRecorded = Public<'VotingRollRecorded'>;
export type BudgetVotingOpened = Public<'BudgetVotingOpened'>;
export type BudgetVotingClosed = Public<'BudgetVotingClosed'>;
export type BudgetProjectProgressReported = Public<'BudgetProjectProgressReported'>;
export type BudgetProjectCompleted = Public<'BudgetProjectCompleted'>;
export type BudgetProjectEvaluated = Public<'BudgetProjectEvaluated'>;

export type BudgetEvent =
  | BudgetPoolOpened
  | NeedOrdered
  | NeedMatched
  | BudgetVotingRollRecorded
  | BudgetVotingOpened
  | BudgetVotingClosed
  | BudgetProjectProgressReported
  | BudgetProjectCompleted
  | BudgetProjectEvaluated;
