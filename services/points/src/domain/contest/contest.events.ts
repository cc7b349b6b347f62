import type { ContractDomainEvent } from '@gongzhi/contracts';

/** The events of one contest, stream `contest-<contestId>`. */
export type ContestEvent =
  | ContractDomainEvent<'ContestOpened'>
  | ContractDomainEvent<'IdeaSubmitted'>
  | ContractDomainEvent<'IdeaVoteCast'>
  | ContractDomainEvent<'ContestTeamJoined'>
  | ContractDomainEvent<'BuildingCleanlinessRated'>
  | ContractDomainEvent<'ContestActivityCounted'>
  | ContractDomainEvent<'ContestClosed'>;

export type ContestOpenedData = ContestEvent & { type: 'ContestOpened' } extends { data: infer D } ? D : never;
export type ContestKind = ContestOpenedData['kind'];

export const contestStreamId = (contestId: string) => `contest-${contestId}`;
