import type { ContractDomainEvent } from '../domain-event';

export type AssignmentEvent =
  | ContractDomainEvent<'AssignmentCreated'>
  | ContractDomainEvent<'AssignmentAcknowledged'>
  | ContractDomainEvent<'AssignmentProgressReported'>
  | ContractDomainEvent<'AssignmentCompleted'>
  | ContractDomainEvent<'AssignmentDeclined'>
  | ContractDomainEvent<'AssignmentWithdrawn'>;
