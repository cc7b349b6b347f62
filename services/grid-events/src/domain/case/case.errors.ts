import { DomainError } from '@gongzhi/eventsourcing';
import type { CaseState, CaseStatus } from './case.state';

/** A transition the case's current status does not allow: names both, so the caller knows what to do. */
export function wrongStatus(
  state: CaseState,
  action: string,
  allowed: readonly CaseStatus[],
  code = 'CASE.INVALID_TRANSITION',
): DomainError {
  const caseId = state.status === 'None' ? undefined : state.caseId;
  if (state.status === 'None') return new DomainError('CASE.NOT_FOUND', 'no such case', {});
  if (state.status === 'Closed' || state.status === 'Rejected' || state.status === 'Merged') {
    return new DomainError('CASE.ALREADY_CLOSED', `cannot ${action}: the case is ${state.status.toLowerCase()}`, {
      caseId,
      status: state.status,
    });
  }
  return new DomainError(code, `cannot ${action} a case that is ${state.status}; allowed when ${allowed.join(' or ')}`, {
    caseId,
    status: state.status,
    allowed,
  });
}
