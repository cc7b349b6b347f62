import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import type { Assignee, CaseCommand } from './case.commands';
import { wrongStatus } from './case.errors';
import { caseEvent, type CaseEvent } from './case.events';
import { evolveCase } from './case.evolve';
import { initialCaseState, type CaseFacts, type CaseIn, type CaseState, type CaseStatus } from './case.state';

const HOUR_MS = 3_600_000;
const after = (now: Date, hours: number) => new Date(now.getTime() + hours * HOUR_MS).toISOString();

/** Open work: a case in these states can be escalated to its street, and resolved by the street's whistle. */
const WHISTLE_RESOLVABLE: readonly CaseStatus[] = ['Reported', 'Accepted', 'Dispatched', 'Acknowledged'];

function isIn<Status extends CaseStatus>(state: CaseState, allowed: readonly Status[]): state is CaseIn<Status> {
  return state.status !== 'None' && (allowed as readonly CaseStatus[]).includes(state.status);
}

function expect<Status extends CaseStatus>(state: CaseState, action: string, allowed: readonly Status[]): CaseIn<Status> {
  if (!isIn(state, allowed)) throw wrongStatus(state, action, allowed);
  return state;
}

const VOIDABLE: readonly CaseStatus[] = ['Accepted', 'Dispatched', 'Acknowledged', 'Resolved', 'Confirmed', 'Closed'];

function expectVoidable(state: CaseState): CaseFacts {
  if (state.status === 'None') throw wrongStatus(state, 'void', VOIDABLE);
  if (state.voidReason !== null) throw new DomainError('CASE.ALREADY_VOIDED', 'the case was voided already', { caseId: state.caseId });
  if (state.status === 'Reported') {
    throw new DomainError('CASE.INVALID_TRANSITION', 'a case not yet accepted cannot be voided: reject it instead', {
      caseId: state.caseId,
      status: state.status,
    });
  }
  if (!VOIDABLE.includes(state.status)) {
    throw new DomainError(
      'CASE.INVALID_TRANSITION',
      `a case that was ${state.status.toLowerCase()} was never accepted, so it cannot be voided`,
      {
        caseId: state.caseId,
        status: state.status,
      },
    );
  }
  return state;
}

function assertAssignee(state: CaseFacts, by: Assignee): void {
  const a = state.assignment;
  const matches = a !== null && a.kind === by.kind && (by.kind === 'department' ? a.departmentId === by.departmentId : true);
  if (!matches) {
    throw new DomainError(
      'CASE.FORBIDDEN',
      `the case is assigned to ${a ? `${a.kind} ${a.departmentId ?? a.id}` : 'nobody'}, not to ${by.kind} ${by.departmentId ?? by.id}`,
      {
        caseId: state.caseId,
      },
    );
  }
}

function decide(command: CaseCommand, state: CaseState, { now }: DecisionContext): CaseEvent[] {
  switch (command.type) {
    case 'ReportCase': {
      if (state.status !== 'None') throw new DomainError('CASE.ALREADY_REPORTED', 'a case with this id exists', { caseId: state.caseId });
      const { reporterId, anonymous } = command.data;
      return [caseEvent('CaseReported', { ...command.data, reporterId: anonymous ? null : reporterId })];
    }
    case 'NameFacility': {
      if (state.status === 'None') throw new DomainError('CASE.NOT_FOUND', 'no such case', {});
      // Naming the facility it already names (a resent request) changes nothing.
      if (state.facilityId === command.data.facilityId) return [];
      return [caseEvent('CaseFacilityNamed', { caseId: state.caseId, facilityId: command.data.facilityId, gridId: state.report.gridId })];
    }
    case 'AcceptCase': {
      const s = expect(state, 'accept', ['Reported']);
      const { gridId, communityId, streetId } = s.report;
      return [
        caseEvent('CaseAccepted', {
          caseId: s.caseId,
          categoryCode: command.data.categoryCode,
          reporterId: s.report.reporterId,
          gridId,
          communityId,
          streetId,
        }),
      ];
    }
    case 'RejectCase': {
      const s = expect(state, 'reject', ['Reported']);
      return [caseEvent('CaseRejected', { caseId: s.caseId, reason: command.data.reason })];
    }
    case 'VoidCase': {
      // Only what was accepted can be found invalid after acceptance; a report still in triage is rejected instead.
      const s = expectVoidable(state);
      const voided = caseEvent('CaseVoided', { caseId: s.caseId, reason: command.data.reason });
      return s.status === 'Closed' ? [voided] : [voided, caseEvent('CaseClosed', { caseId: s.caseId, reason: 'voided' })];
    }
    case 'MergeCase': {
      const s = expect(state, 'merge', ['Reported']);
      if (command.data.intoCaseId === s.caseId)
        throw new DomainError('CASE.MERGE_TARGET_INVALID', 'a case cannot be merged into itself', { field: 'intoCaseId' });
      if (!command.data.targetIsOpen) {
        throw new DomainError('CASE.MERGE_TARGET_INVALID', `case ${command.data.intoCaseId} is not open`, { field: 'intoCaseId' });
      }
      return [caseEvent('CaseMerged', { caseId: s.caseId, intoCaseId: command.data.intoCaseId })];
    }
    case 'MergeDuplicateCase': {
      const s = expect(state, 'merge', ['Dispatched', 'Acknowledged']);
      assertAssignee(s, command.data.by);
      const { intoCaseId, targetIsOpen, targetHeldByDepartment } = command.data;
      if (intoCaseId === s.caseId)
        throw new DomainError('CASE.MERGE_TARGET_INVALID', 'a case cannot be merged into itself', { field: 'intoCaseId' });
      if (!targetIsOpen) throw new DomainError('CASE.MERGE_TARGET_INVALID', `case ${intoCaseId} is not open`, { field: 'intoCaseId' });
      // A department sees only its own cases: merging into another's would tell it of a case it may not read.
      if (!targetHeldByDepartment) {
        throw new DomainError('CASE.MERGE_TARGET_INVALID', `case ${intoCaseId} is not one of this department's open cases`, {
          field: 'intoCaseId',
        });
      }
      return [caseEvent('CaseMerged', { caseId: s.caseId, intoCaseId })];
    }
    case 'DispatchCase': {
      const s = expect(state, 'dispatch', ['Accepted', 'Dispatched', 'Acknowledged']);
      const { assignee, acknowledgeWithinHours, resolveWithinHours } = command.data;
      return [
        caseEvent('CaseDispatched', {
          caseId: s.caseId,
          categoryCode: s.categoryCode,
          assigneeKind: assignee.kind,
          assigneeId: assignee.id,
          departmentId: assignee.kind === 'department' ? assignee.departmentId : null,
          acknowledgeBy: after(now, acknowledgeWithinHours),
          resolveBy: after(now, resolveWithinHours),
        }),
      ];
    }
    case 'DeclineAssignment': {
      const s = expect(state, 'decline', ['Dispatched', 'Acknowledged']);
      const { departmentId, reason, suggestedDepartmentId } = command.data;
      assertAssignee(s, { kind: 'department', id: departmentId, departmentId });
      return [caseEvent('CaseAssignmentDeclined', { caseId: s.caseId, departmentId, reason, suggestedDepartmentId })];
    }
    case 'AcknowledgeCase': {
      const s = expect(state, 'acknowledge', ['Dispatched']);
      assertAssignee(s, command.data.by);
      const a = s.assignment;
      return [caseEvent('CaseAcknowledged', { caseId: s.caseId, assigneeKind: a.kind, assigneeId: a.id, departmentId: a.departmentId })];
    }
    case 'ResolveCase': {
      const s = expect(state, 'resolve', ['Dispatched', 'Acknowledged']);
      assertAssignee(s, command.data.by);
      return resolution(s, command.data, now);
    }
    case 'ResolveByWhistle': {
      // Open work the street could have escalated (the states EscalateCase allows); a resolved, confirmed or
      // closed case has nothing left to resolve, so a repeated or late whistle changes nothing.
      const s = expect(state, 'resolve by whistle', WHISTLE_RESOLVABLE);
      if (command.data.streetId !== s.report.streetId) {
        throw new DomainError(
          'CASE.FORBIDDEN',
          `whistle ${command.data.whistleId} of ${command.data.streetId} is not on a case of ${s.report.streetId}`,
          {
            caseId: s.caseId,
          },
        );
      }
      return resolution(s, command.data, now);
    }
    case 'ConfirmResolution': {
      const s = expect(state, 'confirm', ['Resolved']);
      if (!command.data.evaluationRequired) {
        return [
          caseEvent('CaseConfirmed', { caseId: s.caseId, autoCloseAt: null }),
          caseEvent('CaseClosed', { caseId: s.caseId, reason: 'confirmed' }),
        ];
      }
      return [caseEvent('CaseConfirmed', { caseId: s.caseId, autoCloseAt: after(now, command.data.evaluateWithinHours) })];
    }
    case 'ReopenCase': {
      const s = expect(state, 'reopen', ['Resolved']);
      // The first resolve-by time has often passed by now: the assignee is held to a new one, or the case
      // could never be overdue again. A case resolved by a whistle before any dispatch has nobody to hold.
      const resolveBy = s.assignment ? after(now, command.data.resolveWithinHours) : null;
      return [caseEvent('CaseReopened', { caseId: s.caseId, reason: command.data.reason, resolveBy })];
    }
    case 'EvaluateCase': {
      if (state.status !== 'None' && state.evaluation) {
        throw new DomainError('CASE.ALREADY_EVALUATED', 'the case has been evaluated already', { caseId: state.caseId });
      }
      const s = expect(state, 'evaluate', ['Confirmed']);
      return [
        caseEvent('CaseEvaluated', { caseId: s.caseId, score: command.data.score, comment: command.data.comment }),
        caseEvent('CaseClosed', { caseId: s.caseId, reason: 'evaluated' }),
      ];
    }
    case 'CloseUnanswered': {
      const s = expect(state, 'close unanswered', ['Resolved', 'Confirmed']);
      if (s.autoCloseAt !== command.data.dueAt)
        throw new DomainError('CASE.STALE_DEADLINE', 'the auto-close time has changed since this timer was set', { caseId: s.caseId });
      if (now.toISOString() < s.autoCloseAt)
        throw new DomainError('CASE.NOT_DUE', `the case closes itself at ${s.autoCloseAt}`, { caseId: s.caseId });
      return [caseEvent('CaseClosed', { caseId: s.caseId, reason: 'auto_closed' })];
    }
    case 'MarkAcknowledgeOverdue': {
      const s = expect(state, 'mark acknowledge overdue', ['Dispatched']);
      const a = s.assignment;
      if (a.acknowledgeBy !== command.data.dueAt)
        throw new DomainError('CASE.STALE_DEADLINE', 'the case was dispatched again since', { caseId: s.caseId });
      if (a.acknowledgeOverdue) throw new DomainError('CASE.ALREADY_OVERDUE', 'already marked overdue', { caseId: s.caseId });
      if (now.toISOString() < a.acknowledgeBy) throw new DomainError('CASE.NOT_DUE', `due at ${a.acknowledgeBy}`, { caseId: s.caseId });
      return overdueAndEscalated(s, 'CaseAcknowledgeOverdue', 'acknowledge_overdue', command.data.leadDepartmentId);
    }
    case 'MarkResolutionOverdue': {
      const s = expect(state, 'mark resolution overdue', ['Dispatched', 'Acknowledged']);
      const a = s.assignment;
      if (a.resolveBy !== command.data.dueAt) {
        throw new DomainError('CASE.STALE_DEADLINE', 'the resolve-by time has changed since: the case was dispatched again or reopened', {
          caseId: s.caseId,
        });
      }
      if (a.resolutionOverdue) throw new DomainError('CASE.ALREADY_OVERDUE', 'already marked overdue', { caseId: s.caseId });
      if (now.toISOString() < a.resolveBy) throw new DomainError('CASE.NOT_DUE', `due at ${a.resolveBy}`, { caseId: s.caseId });
      return overdueAndEscalated(s, 'CaseResolutionOverdue', 'resolution_overdue', command.data.leadDepartmentId);
    }
    case 'EscalateCase': {
      const s = expect(state, 'escalate', WHISTLE_RESOLVABLE);
      const departmentIds = [...new Set(command.data.departmentIds)];
      if (departmentIds.length < 2) {
        throw new DomainError('CASE.NOT_CROSS_DEPARTMENT', 'a cross-department escalation names at least two departments', {
          field: 'departmentIds',
        });
      }
      return [
        caseEvent('CaseEscalated', {
          caseId: s.caseId,
          reason: 'cross_department',
          note: command.data.note,
          streetId: s.report.streetId,
          departmentIds,
        }),
      ];
    }
    default: {
      const unexpected: never = command;
      throw new DomainError('CASE.UNKNOWN_COMMAND', `unknown command ${(unexpected as { type: string }).type}`);
    }
  }
}

/** Resolved with notes and after-photos; the reporter is asked to confirm. */
function resolution(
  s: CaseFacts,
  {
    notes,
    afterPhotoIds,
    confirmWithinHours,
  }: { readonly notes: string; readonly afterPhotoIds: readonly string[]; readonly confirmWithinHours: number },
  now: Date,
): CaseEvent[] {
  const autoCloseAt = s.reporterCanAnswer ? after(now, confirmWithinHours) : null;
  const resolved = caseEvent('CaseResolved', { caseId: s.caseId, notes, afterPhotoIds: [...afterPhotoIds], autoCloseAt });
  // Nobody can confirm a report that came without a reporter (an Open311 client): it closes as fixed.
  return autoCloseAt ? [resolved] : [resolved, caseEvent('CaseClosed', { caseId: s.caseId, reason: 'auto_closed' })];
}

/** An overdue case is escalated to its street at once, naming the department that should act. */
function overdueAndEscalated(
  s: CaseIn<'Dispatched' | 'Acknowledged'>,
  type: 'CaseAcknowledgeOverdue' | 'CaseResolutionOverdue',
  reason: 'acknowledge_overdue' | 'resolution_overdue',
  leadDepartmentId: string,
): CaseEvent[] {
  const a = s.assignment;
  const dueAt = type === 'CaseAcknowledgeOverdue' ? a.acknowledgeBy : a.resolveBy;
  return [
    caseEvent(type, { caseId: s.caseId, assigneeKind: a.kind, assigneeId: a.id, departmentId: a.departmentId, dueAt }),
    caseEvent('CaseEscalated', {
      caseId: s.caseId,
      reason,
      note: null,
      streetId: s.report.streetId,
      departmentIds: [a.departmentId ?? leadDepartmentId],
    }),
  ];
}

export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  decide,
  evolve: evolveCase,
  initialState: initialCaseState,
};
