import type { ContractDomainEvent } from '../domain-event';

export type WhistleEvent =
  | ContractDomainEvent<'WhistleBlown'>
  | ContractDomainEvent<'DepartmentCheckedIn'>
  | ContractDomainEvent<'CheckInMissed'>
  | ContractDomainEvent<'WhistleEscalated'>
  | ContractDomainEvent<'WhistleTaskCompleted'>
  | ContractDomainEvent<'WhistleTaskOverdue'>
  | ContractDomainEvent<'WhistleResolved'>
  | ContractDomainEvent<'DepartmentEvaluated'>;
