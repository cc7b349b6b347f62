import type { Actor } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import { caseEvent, type CaseEvent } from './case.events';

const actor: Actor = { id: 'tester', kind: 'user' };

const { given } = deciderSpec(caseDecider, { actor });

const place = { gridId: 'grid-hexie-01', communityId: 'community-hexie', streetId: 'street-nanjingdong' };
const reportData = {
  caseId: '1',
  categoryCode: 'city.road.pothole',
  description: '人行道上有个大坑',
  location: { lat: 31.2385, long: 121.4778 },
  address: null,
  ...place,
  reporterId: 'resident-9',
  anonymous: false,
  photoIds: ['photo-1'],
  reportedVia: 'resident' as const,
};
const reported = caseEvent('CaseReported', reportData);
const accepted = caseEvent('CaseAccepted', { caseId: '1', categoryCode: 'city.road.pothole', reporterId: 'resident-9', ...place });
const department = { kind: 'department' as const, id: 'dept-zhujian', departmentId: 'dept-zhujian' };
const gridWorker = { kind: 'grid_worker' as const, id: 'demo-grid-worker', departmentId: null };
const dispatched = caseEvent('CaseDispatched', {
  caseId: '1',
  categoryCode: 'city.road.pothole',
  assigneeKind: 'department',
  assigneeId: 'dept-zhujian',
  departmentId: 'dept-zhujian',
  acknowledgeBy: '2026-11-26T13:00:00.000Z',
  resolveBy: '2026-11-29T09:00:00.000Z',
});
const acknowledged = caseEvent('CaseAcknowledged', {
  caseId: '1',
  assigneeKind: 'department',
  assigneeId: 'dept-zhujian',
  departmentId: 'dept-zhujian',
});
const resolved = caseEvent('CaseResolved', {
  caseId: '1',
  notes: '已修补',
  afterPhotoIds: ['photo-2'],
  autoCloseAt: '2026-11-29T09:00:00.000Z',
});
const confirmed = caseEvent('CaseConfirmed', { caseId: '1', autoCloseAt: '2026-11-29T09:00:00.000Z' });
const evaluated = caseEvent('CaseEvaluated', { caseId: '1', score: 5, comment: '很及时' });
const closed = (reason: 'evaluated' | 'confirmed' | 'auto_closed') => caseEvent('CaseClosed', { caseId: '1', reason });
const resolve = (by = department): CaseCommand => ({
  type: 'ResolveCase',
  data: { by, notes: '已修补', afterPhotoIds: ['photo-2'], confirmWithinHours: 72 },
});

describe('case decider', () => {
  describe('when nothing was reported', () => {
    it('reports a case', () => {
      given([]).when({ type: 'ReportCase', data: reportData }).then([reported]);
    });

    it("keeps an anonymous reporter's id out of the event", () => {
      given([])
        .when({ type: 'ReportCase', data: { ...reportData, anonymous: true } })
        .then([caseEvent('CaseReported', { ...reportData, anonymous: true, reporterId: null })]);
    });

    it('refuses anything else, as an unknown case', () => {
      given([])
        .when({ type: 'RejectCase', data: { reason: 'x' } })
        .thenThrows('CASE.NOT_FOUND');
    });
  });

  describe('when reported', () => {
    it('is accepted, possibly in another category', () => {
      given([reported])
        .when({ type: 'AcceptCase', data: { categoryCode: 'city.manhole.missing' } })
        .then([caseEvent('CaseAccepted', { ...accepted.data, categoryCode: 'city.manhole.missing' })]);
    });

    it('is rejected with a reason', () => {
      given([reported])
        .when({ type: 'RejectCase', data: { reason: '不属于受理范围' } })
        .then([caseEvent('CaseRejected', { caseId: '1', reason: '不属于受理范围' })]);
    });

    it('is merged into an open case', () => {
      given([reported])
        .when({ type: 'MergeCase', data: { intoCaseId: '7', targetIsOpen: true } })
        .then([caseEvent('CaseMerged', { caseId: '1', intoCaseId: '7' })]);
    });

    it('is not merged into a closed case or into itself', () => {
      given([reported])
        .when({ type: 'MergeCase', data: { intoCaseId: '7', targetIsOpen: false } })
        .thenThrows('CASE.MERGE_TARGET_INVALID');
      given([reported])
        .when({ type: 'MergeCase', data: { intoCaseId: '1', targetIsOpen: true } })
        .thenThrows('CASE.MERGE_TARGET_INVALID');
    });

    it('cannot be reported twice', () => {
      given([reported]).when({ type: 'ReportCase', data: reportData }).thenThrows('CASE.ALREADY_REPORTED');
    });

    it('cannot be dispatched before triage', () => {
      given([reported])
        .when({ type: 'DispatchCase', data: { assignee: department, acknowledgeWithinHours: 4, resolveWithinHours: 72 } })
        .thenThrows('CASE.INVALID_TRANSITION');
    });

    it('is escalated across departments by an officer', () => {
      given([reported])
        .when({ type: 'EscalateCase', data: { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: '占道经营又堵了消防通道' } })
        .then([
          caseEvent('CaseEscalated', {
            caseId: '1',
            reason: 'cross_department',
            note: '占道经营又堵了消防通道',
            streetId: 'street-nanjingdong',
            departmentIds: ['dept-chengguan', 'dept-jiaojing'],
          }),
        ]);
    });

    it('is not escalated across departments with only one', () => {
      given([reported])
        .when({ type: 'EscalateCase', data: { departmentIds: ['dept-chengguan', 'dept-chengguan'], note: null } })
        .thenThrows('CASE.NOT_CROSS_DEPARTMENT');
    });
  });

  describe('when accepted', () => {
    it('is dispatched with due times from the SLA', () => {
      given([reported, accepted])
        .when({ type: 'DispatchCase', data: { assignee: department, acknowledgeWithinHours: 4, resolveWithinHours: 72 } })
        .then([dispatched]);
    });

    it('is dispatched to a grid worker', () => {
      given([reported, accepted])
        .when({ type: 'DispatchCase', data: { assignee: gridWorker, acknowledgeWithinHours: 1, resolveWithinHours: 24 } })
        .then([
          caseEvent('CaseDispatched', {
            ...dispatched.data,
            assigneeKind: 'grid_worker',
            assigneeId: 'demo-grid-worker',
            departmentId: null,
            acknowledgeBy: '2026-11-26T10:00:00.000Z',
            resolveBy: '2026-11-27T09:00:00.000Z',
          }),
        ]);
    });

    it('cannot be accepted again', () => {
      given([reported, accepted])
        .when({ type: 'AcceptCase', data: { categoryCode: 'x' } })
        .thenThrows('CASE.INVALID_TRANSITION');
    });
  });

  describe('when dispatched', () => {
    const history = [reported, accepted, dispatched];
    it('is acknowledged by its assignee', () => {
      given(history)
        .when({ type: 'AcknowledgeCase', data: { by: department } })
        .then([acknowledged]);
    });

    it('is not acknowledged by another department', () => {
      given(history)
        .when({ type: 'AcknowledgeCase', data: { by: { kind: 'department', id: 'dept-x', departmentId: 'dept-x' } } })
        .thenThrows('CASE.FORBIDDEN');
    });

    it('goes back to dispatch when the department declines', () => {
      given(history)
        .when({
          type: 'DeclineAssignment',
          data: { departmentId: 'dept-zhujian', reason: '属于绿化市容', suggestedDepartmentId: 'dept-lvhua' },
        })
        .then([
          caseEvent('CaseAssignmentDeclined', {
            caseId: '1',
            departmentId: 'dept-zhujian',
            reason: '属于绿化市容',
            suggestedDepartmentId: 'dept-lvhua',
          }),
        ]);
    });

    it('is marked acknowledge-overdue once, at its due time, and escalated', () => {
      const command: CaseCommand = {
        type: 'MarkAcknowledgeOverdue',
        data: { dueAt: dispatched.data.acknowledgeBy, leadDepartmentId: 'dept-zhujian' },
      };
      const overdue = caseEvent('CaseAcknowledgeOverdue', {
        caseId: '1',
        assigneeKind: 'department',
        assigneeId: 'dept-zhujian',
        departmentId: 'dept-zhujian',
        dueAt: dispatched.data.acknowledgeBy,
      });
      const escalated = caseEvent('CaseEscalated', {
        caseId: '1',
        reason: 'acknowledge_overdue',
        note: null,
        streetId: 'street-nanjingdong',
        departmentIds: ['dept-zhujian'],
      });
      given(history)
        .when(command, { now: new Date('2026-11-26T12:59:59.000Z') })
        .thenThrows('CASE.NOT_DUE');
      given(history)
        .when(command, { now: new Date('2026-11-26T13:00:00.000Z') })
        .then([overdue, escalated]);
      given([...history, overdue, escalated])
        .when(command, { now: new Date('2026-11-26T14:00:00.000Z') })
        .thenThrows('CASE.ALREADY_OVERDUE');
    });

    it('ignores a deadline of an earlier dispatch', () => {
      given(history)
        .when(
          { type: 'MarkAcknowledgeOverdue', data: { dueAt: '2026-11-26T10:00:00.000Z', leadDepartmentId: 'd' } },
          { now: new Date('2026-11-27T00:00:00.000Z') },
        )
        .thenThrows('CASE.STALE_DEADLINE');
    });

    it('can be resolved without an acknowledgement', () => {
      given(history).when(resolve()).then([resolved]);
    });
  });

  describe('when acknowledged', () => {
    const history = [reported, accepted, dispatched, acknowledged];
    it('is resolved with notes and after-photos, and waits for the reporter', () => {
      given(history).when(resolve()).then([resolved]);
    });

    it('closes on resolution when no reporter can answer (Open311)', () => {
      const open311 = caseEvent('CaseReported', { ...reportData, reporterId: null, reportedVia: 'open311' });
      given([open311, accepted, dispatched, acknowledged])
        .when(resolve())
        .then([caseEvent('CaseResolved', { ...resolved.data, autoCloseAt: null }), closed('auto_closed')]);
    });

    it('is not acknowledged twice', () => {
      given(history)
        .when({ type: 'AcknowledgeCase', data: { by: department } })
        .thenThrows('CASE.INVALID_TRANSITION');
    });

    it('is marked resolution-overdue at its resolve-by time', () => {
      given(history)
        .when(
          { type: 'MarkResolutionOverdue', data: { dueAt: dispatched.data.resolveBy, leadDepartmentId: 'dept-zhujian' } },
          { now: new Date('2026-11-29T09:00:00.000Z') },
        )
        .then([
          caseEvent('CaseResolutionOverdue', {
            caseId: '1',
            assigneeKind: 'department',
            assigneeId: 'dept-zhujian',
            departmentId: 'dept-zhujian',
            dueAt: dispatched.data.resolveBy,
          }),
          caseEvent('CaseEscalated', {
            caseId: '1',
            reason: 'resolution_overdue',
            note: null,
            streetId: 'street-nanjingdong',
            departmentIds: ['dept-zhujian'],
          }),
        ]);
    });

    it('is dispatched again to someone else', () => {
      given(history)
        .when({ type: 'DispatchCase', data: { assignee: department, acknowledgeWithinHours: 4, resolveWithinHours: 72 } })
        .then([dispatched]);
    });
  });

  describe('when resolved', () => {
    const history = [reported, accepted, dispatched, acknowledged, resolved];
    it('is confirmed and awaits an evaluation where the category needs one', () => {
      given(history)
        .when({ type: 'ConfirmResolution', data: { evaluationRequired: true, evaluateWithinHours: 72 } })
        .then([confirmed]);
    });

    it('is confirmed and closed where the category needs no evaluation', () => {
      given(history)
        .when({ type: 'ConfirmResolution', data: { evaluationRequired: false, evaluateWithinHours: 72 } })
        .then([caseEvent('CaseConfirmed', { caseId: '1', autoCloseAt: null }), closed('confirmed')]);
    });

    it('is reopened with a reason, back to its assignee', () => {
      const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '坑还在', resolveBy: '2026-11-29T09:00:00.000Z' });
      given(history)
        .when({ type: 'ReopenCase', data: { reason: '坑还在', resolveWithinHours: 72 } })
        .then([reopened]);
      given([...history, reopened])
        .when(resolve())
        .then([resolved]);
    });

    describe('and reopened after its resolve-by time passed', () => {
      const reopenedAt = new Date('2026-11-30T10:00:00.000Z');
      const newResolveBy = '2026-12-03T10:00:00.000Z';
      const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '坑还在', resolveBy: newResolveBy });
      const overdueAt = (dueAt: string): CaseCommand => ({
        type: 'MarkResolutionOverdue',
        data: { dueAt, leadDepartmentId: 'dept-zhujian' },
      });
      const overdueEvents = (dueAt: string) => [
        caseEvent('CaseResolutionOverdue', {
          caseId: '1',
          assigneeKind: 'department',
          assigneeId: 'dept-zhujian',
          departmentId: 'dept-zhujian',
          dueAt,
        }),
        caseEvent('CaseEscalated', {
          caseId: '1',
          reason: 'resolution_overdue',
          note: null,
          streetId: 'street-nanjingdong',
          departmentIds: ['dept-zhujian'],
        }),
      ];

      it("gives the assignee a new resolve-by time: now plus the category's resolve SLA", () => {
        given(history)
          .when({ type: 'ReopenCase', data: { reason: '坑还在', resolveWithinHours: 72 } }, { now: reopenedAt })
          .then([reopened]);
      });

      it('is marked resolution-overdue at the new resolve-by time', () => {
        given([...history, reopened])
          .when(overdueAt(newResolveBy), { now: new Date('2026-12-03T09:59:59.000Z') })
          .thenThrows('CASE.NOT_DUE');
        given([...history, reopened])
          .when(overdueAt(newResolveBy), { now: new Date(newResolveBy) })
          .then(overdueEvents(newResolveBy));
      });

      it('refuses the timer of the resolve-by time before the reopening as stale', () => {
        given([...history, reopened])
          .when(overdueAt(dispatched.data.resolveBy), { now: new Date('2026-12-01T00:00:00.000Z') })
          .thenThrows('CASE.STALE_DEADLINE');
      });

      it('is overdue again at the new time when it was overdue before it was resolved', () => {
        const wasOverdue = [reported, accepted, dispatched, acknowledged, ...overdueEvents(dispatched.data.resolveBy), resolved, reopened];
        given(wasOverdue)
          .when(overdueAt(newResolveBy), { now: new Date(newResolveBy) })
          .then(overdueEvents(newResolveBy));
      });

      it('keeps the resolve-by time of the dispatch for a reopening recorded before reopening set one', () => {
        const recordedBefore = caseEvent('CaseReopened', { caseId: '1', reason: '坑还在' });
        given([...history, recordedBefore])
          .when(overdueAt(dispatched.data.resolveBy), { now: reopenedAt })
          .then(overdueEvents(dispatched.data.resolveBy));
      });
    });

    it('closes itself when the confirmation is left unanswered', () => {
      const command: CaseCommand = { type: 'CloseUnanswered', data: { dueAt: resolved.data.autoCloseAt! } };
      given(history)
        .when(command, { now: new Date('2026-11-28T09:00:00.000Z') })
        .thenThrows('CASE.NOT_DUE');
      given(history)
        .when(command, { now: new Date('2026-11-29T09:00:00.000Z') })
        .then([closed('auto_closed')]);
    });

    it('cannot be evaluated before it is confirmed', () => {
      given(history)
        .when({ type: 'EvaluateCase', data: { score: 5, comment: null } })
        .thenThrows('CASE.INVALID_TRANSITION');
    });
  });

  describe('when confirmed', () => {
    const history = [reported, accepted, dispatched, acknowledged, resolved, confirmed];
    it('is evaluated and closed', () => {
      given(history)
        .when({ type: 'EvaluateCase', data: { score: 5, comment: '很及时' } })
        .then([evaluated, closed('evaluated')]);
    });

    it('closes itself when the evaluation is left unanswered', () => {
      given(history)
        .when({ type: 'CloseUnanswered', data: { dueAt: confirmed.data.autoCloseAt! } }, { now: new Date('2026-11-30T00:00:00.000Z') })
        .then([closed('auto_closed')]);
    });

    it('is not reopened once confirmed', () => {
      given(history)
        .when({ type: 'ReopenCase', data: { reason: 'x', resolveWithinHours: 72 } })
        .thenThrows('CASE.INVALID_TRANSITION');
    });
  });

  describe('when closed', () => {
    const history = [reported, accepted, dispatched, acknowledged, resolved, confirmed, evaluated, closed('evaluated')];
    it('refuses a second evaluation', () => {
      given(history)
        .when({ type: 'EvaluateCase', data: { score: 1, comment: null } })
        .thenThrows('CASE.ALREADY_EVALUATED');
    });
    it('refuses to be resolved', () => {
      given(history).when(resolve()).thenThrows('CASE.ALREADY_CLOSED');
    });
    it('ignores a late auto-close timer', () => {
      given(history)
        .when({ type: 'CloseUnanswered', data: { dueAt: '2026-11-29T09:00:00.000Z' } })
        .thenThrows('CASE.ALREADY_CLOSED');
    });
  });

  describe('when a department finds its dispatched case repeats another (合并)', () => {
    const mergeDuplicate = (
      data: Partial<{ by: typeof department; intoCaseId: string; targetIsOpen: boolean; targetHeldByDepartment: boolean }>,
    ) =>
      ({
        type: 'MergeDuplicateCase',
        data: { by: department, intoCaseId: '7', targetIsOpen: true, targetHeldByDepartment: true, ...data },
      }) as const;

    it('merges it into the open case the department holds, before or after 签收', () => {
      given([reported, accepted, dispatched])
        .when(mergeDuplicate({}))
        .then([caseEvent('CaseMerged', { caseId: '1', intoCaseId: '7' })]);
      given([reported, accepted, dispatched, acknowledged])
        .when(mergeDuplicate({}))
        .then([caseEvent('CaseMerged', { caseId: '1', intoCaseId: '7' })]);
    });

    it('refuses a department the case is not assigned to', () => {
      const other = { kind: 'department' as const, id: 'dept-chengguan', departmentId: 'dept-chengguan' };
      given([reported, accepted, dispatched])
        .when(mergeDuplicate({ by: other }))
        .thenThrows('CASE.FORBIDDEN');
    });

    it('refuses a target that is closed, is itself, or is not the department’s own work', () => {
      given([reported, accepted, dispatched])
        .when(mergeDuplicate({ targetIsOpen: false }))
        .thenThrows('CASE.MERGE_TARGET_INVALID');
      given([reported, accepted, dispatched])
        .when(mergeDuplicate({ intoCaseId: '1' }))
        .thenThrows('CASE.MERGE_TARGET_INVALID');
      given([reported, accepted, dispatched])
        .when(mergeDuplicate({ targetHeldByDepartment: false }))
        .thenThrows('CASE.MERGE_TARGET_INVALID');
    });

    it('refuses a case not yet dispatched or already resolved', () => {
      given([reported, accepted]).when(mergeDuplicate({})).thenThrows('CASE.INVALID_TRANSITION');
      given([reported, accepted, dispatched, acknowledged, resolved]).when(mergeDuplicate({})).thenThrows('CASE.INVALID_TRANSITION');
    });
  });

  describe('when rejected or merged', () => {
    it('refuses any further step', () => {
      given([reported, caseEvent('CaseRejected', { caseId: '1', reason: 'x' })])
        .when({ type: 'AcceptCase', data: { categoryCode: 'c' } })
        .thenThrows('CASE.ALREADY_CLOSED');
      given([reported, caseEvent('CaseMerged', { caseId: '1', intoCaseId: '7' })])
        .when({ type: 'RejectCase', data: { reason: 'x' } })
        .thenThrows('CASE.ALREADY_CLOSED');
    });
  });

  describe('when the whistle on it is resolved (吹哨报到)', () => {
    const escalated = caseEvent('CaseEscalated', {
      caseId: '1',
      reason: 'cross_department',
      note: null,
      streetId: 'street-nanjingdong',
      departmentIds: ['dept-chengguan', 'dept-jiaojing'],
    });
    const byWhistle = (streetId = 'street-nanjingdong'): CaseCommand => ({
      type: 'ResolveByWhistle',
      data: { whistleId: 'w-1', streetId, notes: '已修补', afterPhotoIds: ['photo-2'], confirmWithinHours: 72 },
    });

    it('is resolved from any open state it could be escalated in, whoever it was dispatched to', () => {
      for (const history of [
        [reported, escalated],
        [reported, accepted, escalated],
        [reported, accepted, dispatched, escalated],
        [reported, accepted, dispatched, acknowledged, escalated],
        [
          reported,
          accepted,
          caseEvent('CaseDispatched', {
            ...dispatched.data,
            assigneeKind: 'grid_worker',
            assigneeId: 'demo-grid-worker',
            departmentId: null,
          }),
        ],
      ]) {
        given(history).when(byWhistle()).then([resolved]);
      }
    });

    it('closes at once when no reporter can answer (Open311)', () => {
      given([caseEvent('CaseReported', { ...reportData, reporterId: null, reportedVia: 'open311' }), accepted, escalated])
        .when(byWhistle())
        .then([caseEvent('CaseResolved', { ...resolved.data, autoCloseAt: null }), closed('auto_closed')]);
    });

    it('changes nothing once resolved, confirmed or closed: a repeated or late whistle is refused', () => {
      given([reported, accepted, escalated, resolved]).when(byWhistle()).thenThrows('CASE.INVALID_TRANSITION');
      given([reported, accepted, dispatched, acknowledged, resolved, confirmed]).when(byWhistle()).thenThrows('CASE.INVALID_TRANSITION');
      given([reported, accepted, dispatched, acknowledged, resolved, confirmed, evaluated, closed('evaluated')])
        .when(byWhistle())
        .thenThrows('CASE.ALREADY_CLOSED');
      given([reported, caseEvent('CaseRejected', { caseId: '1', reason: 'x' })])
        .when(byWhistle())
        .thenThrows('CASE.ALREADY_CLOSED');
      given([]).when(byWhistle()).thenThrows('CASE.NOT_FOUND');
    });

    it("is not resolved by another street's whistle", () => {
      given([reported, accepted, escalated]).when(byWhistle('street-waitan')).thenThrows('CASE.FORBIDDEN');
    });

    it('is resolved again after the reporter reopened it', () => {
      const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '又堵了', resolveBy: null });
      given([reported, accepted, escalated, resolved, reopened]).when(byWhistle()).then([resolved]);
    });

    it("is reopened without a resolve-by time when nobody is assigned, and an earlier dispatch's timer is refused", () => {
      const declined = caseEvent('CaseAssignmentDeclined', {
        caseId: '1',
        departmentId: 'dept-zhujian',
        reason: '不归我们管',
        suggestedDepartmentId: null,
      });
      const history = [reported, accepted, dispatched, declined, escalated, resolved];
      const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '又堵了', resolveBy: null });
      given(history)
        .when({ type: 'ReopenCase', data: { reason: '又堵了', resolveWithinHours: 72 } })
        .then([reopened]);
      given([...history, reopened])
        .when(
          { type: 'MarkResolutionOverdue', data: { dueAt: dispatched.data.resolveBy, leadDepartmentId: 'dept-zhujian' } },
          { now: new Date('2026-12-01T00:00:00.000Z') },
        )
        .thenThrows('CASE.INVALID_TRANSITION');
    });

    it('reopened with nobody holding it, goes back to be dispatched and gets a holder and a resolve-by time', () => {
      const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '又堵了', resolveBy: null });
      const history = [reported, accepted, escalated, resolved];
      given(history)
        .when({ type: 'ReopenCase', data: { reason: '又堵了', resolveWithinHours: 72 } })
        .then([reopened]);
      const redispatch: CaseCommand = {
        type: 'DispatchCase',
        data: { assignee: department, acknowledgeWithinHours: 4, resolveWithinHours: 72 },
      };
      given([...history, reopened])
        .when(redispatch)
        .then([dispatched]);
      given([...history, reopened, dispatched])
        .when(resolve())
        .then([resolved]);
    });
  });

  describe('when found invalid after acceptance (作废)', () => {
    const voided = caseEvent('CaseVoided', { caseId: '1', reason: '现场核实无此问题' });
    const voidIt: CaseCommand = { type: 'VoidCase', data: { reason: '现场核实无此问题' } };

    it('is voided and closed from any state after acceptance', () => {
      for (const history of [
        [reported, accepted],
        [reported, accepted, dispatched],
        [reported, accepted, dispatched, acknowledged, resolved],
      ]) {
        given(history)
          .when(voidIt)
          .then([voided, caseEvent('CaseClosed', { caseId: '1', reason: 'voided' })]);
      }
    });

    it('is voided without a second close when it was closed already', () => {
      given([reported, accepted, dispatched, acknowledged, resolved, confirmed, evaluated, closed('evaluated')])
        .when(voidIt)
        .then([voided]);
    });

    it('is voided once: a replayed void is refused', () => {
      given([reported, accepted, voided, caseEvent('CaseClosed', { caseId: '1', reason: 'voided' })])
        .when(voidIt)
        .thenThrows('CASE.ALREADY_VOIDED');
    });

    it('refuses a case never accepted: a report in triage is rejected, a rejected or merged one was never accepted', () => {
      given([reported]).when(voidIt).thenThrows('CASE.INVALID_TRANSITION');
      given([reported, caseEvent('CaseRejected', { caseId: '1', reason: 'x' })])
        .when(voidIt)
        .thenThrows('CASE.INVALID_TRANSITION');
      given([reported, caseEvent('CaseMerged', { caseId: '1', intoCaseId: '7' })])
        .when(voidIt)
        .thenThrows('CASE.INVALID_TRANSITION');
      given([]).when(voidIt).thenThrows('CASE.NOT_FOUND');
    });
  });

  it('reads a stored CaseReported v1 through its upcaster', () => {
    const { location, address: _a, photoIds: _p, ...rest } = reportData;
    const v1 = {
      type: 'CaseReported',
      schemaVersion: 1,
      data: { ...rest, lat: location.lat, long: location.long },
    } as unknown as CaseEvent;
    given([v1, accepted])
      .when({ type: 'DispatchCase', data: { assignee: department, acknowledgeWithinHours: 4, resolveWithinHours: 72 } })
      .then([dispatched]);
  });
});
