import type { ContractDomainEvent } from '@gongzhi/contracts';

/** The events of one contest, stream `contest-<contestId>`. */
export type ContestEvent =
  | ContractDomainEvent<'ContestOpened'>
  | ContractDomainEvent<'IdeaSubmitted'>
  | ContractDomainEvent<'IdeaVoteCast'>
  | ContractDomainEvent<'IdeaScored'>
  | ContractDomainEvent<'ContestTeamJoined'>
  | ContractDomainEvent<'BuildingCleanlinessRated'>
  | ContractDomainEvent<'ContestActivityCounted'>
  | ContractDomainEvent<'ContestClosed'>;

export type ContestOpenedData = ContestEvent & { type: 'ContestOpened' } extends { data: infer D } ? D : never;
export type ContestKind = ContestOpenedData['kind'];

/** The jury of an idea contest; none: the residents vote. */
export const juryOf = (contest: ContestOpenedData): readonly string[] => contest.jurorIds ?? [];

export const contestStreamId = (contestId: string) => `contest-${contestId}`;
