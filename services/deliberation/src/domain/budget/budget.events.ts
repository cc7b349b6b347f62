import type { ContractDomainEvent } from '@gongzhi/contracts';

/** The events of a pool's stream, `budget-<communityId>-<year>`: each is exactly its public contract. */
export type BudgetPoolOpened = ContractDomainEvent<'BudgetPoolOpened'>;
export type NeedOrdered = ContractDomainEvent<'NeedOrdered'>;
export type NeedMatched = ContractDomainEvent<'NeedMatched'>;
export type BudgetVotingRollRecorded = ContractDomainEvent<'VotingRollRecorded'>;
export type BudgetVotingOpened = ContractDomainEvent<'BudgetVotingOpened'>;
export type BudgetVotingClosed = ContractDomainEvent<'BudgetVotingClosed'>;
export type BudgetProjectProgressReported = ContractDomainEvent<'BudgetProjectProgressReported'>;
export type BudgetProjectCompleted = ContractDomainEvent<'BudgetProjectCompleted'>;
export type BudgetProjectEvaluated = ContractDomainEvent<'BudgetProjectEvaluated'>;

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
