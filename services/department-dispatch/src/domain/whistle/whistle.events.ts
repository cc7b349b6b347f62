import type { ContractDomainEvent } from '@gongzhi/contracts';

export type WhistleEvent =
  | ContractDomainEvent<'WhistleBlown'>
  | ContractDomainEvent<'DepartmentCheckedIn'>
  | ContractDomainEvent<'CheckInMissed'>
  | ContractDomainEvent<'WhistleEscalated'>
  | ContractDomainEvent<'WhistleTaskCompleted'>
  | ContractDomainEvent<'WhistleTaskOverdue'>
  | ContractDomainEvent<'WhistleResolved'>
  | ContractDomainEvent<'DepartmentEvaluated'>;
