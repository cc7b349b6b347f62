import type { ContractDomainEvent, PublicEventData } from '@gongzhi/contracts';

// The case's events are its public contracts (libs/contracts/src/events/grid-events.ts), stored as they are.

export type CaseEventType =
  | 'CaseReported'
  | 'CaseAccepted'
  | 'CaseRejected'
  | 'CaseVoided'
  | 'CaseMerged'
  | 'CaseDispatched'
  | 'CaseAssignmentDeclined'
  | 'CaseAcknowledged'
  | 'CaseResolved'
  | 'CaseConfirmed'
  | 'CaseReopened'
  | 'CaseEvaluated'
  | 'CaseClosed'
  | 'CaseAcknowledgeOverdue'
  | 'CaseResolutionOverdue'
  | 'CaseEscalated'
  | 'CaseFacilityNamed';

export type CaseEvent = { [Type in CaseEventType]: ContractDomainEvent<Type> }[CaseEventType];

/** The schema version each event type is written in (the latest of its contract). */
export const CASE_EVENT_VERSIONS: Readonly<Record<CaseEventType, number>> = {
  CaseReported: 2,
  CaseAccepted: 1,
  CaseRejected: 1,
  CaseVoided: 1,
  CaseMerged: 1,
  CaseDispatched: 1,
  CaseAssignmentDeclined: 1,
  CaseAcknowledged: 1,
  CaseResolved: 1,
  CaseConfirmed: 1,
  CaseReopened: 1,
  CaseEvaluated: 1,
  CaseClosed: 1,
  CaseAcknowledgeOverdue: 1,
  CaseResolutionOverdue: 1,
  CaseEscalated: 1,
  CaseFacilityNamed: 1,
};

export function caseEvent<Type extends CaseEventType>(type: Type, data: PublicEventData<Type>): Extract<CaseEvent, { type: Type }> {
  return { type, data, schemaVersion: CASE_EVENT_VERSIONS[type] } as Extract<CaseEvent, { type: Type }>;
}

export const caseStreamId = (caseId: string) => `case-${caseId}`;
