import type { ContractDomainEvent } from '../domain-event';

export type ProjectEvent =
  | ContractDomainEvent<'CommunityProjectStarted'>
  | ContractDomainEvent<'ProjectTeamMemberJoined'>
  | ContractDomainEvent<'ProjectResourceRequested'>
  | ContractDomainEvent<'ProjectResourceRequestApproved'>
  | ContractDomainEvent<'ProjectResourceRequestDeclined'>
  | ContractDomainEvent<'ProjectActivityReported'>
  | ContractDomainEvent<'ProjectIncomeRecorded'>;
