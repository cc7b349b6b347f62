import type { ContractDomainEvent } from '@gongzhi/contracts';

export type ProjectEvent =
  | ContractDomainEvent<'CommunityProjectStarted'>
  | ContractDomainEvent<'ProjectTeamMemberJoined'>
  | ContractDomainEvent<'ProjectResourceRequested'>
  | ContractDomainEvent<'ProjectResourceRequestApproved'>
  | ContractDomainEvent<'ProjectResourceRequestDeclined'>
  | ContractDomainEvent<'ProjectActivityReported'>
  | ContractDomainEvent<'ProjectIncomeRecorded'>;
