import { ownValue } from '@gongzhi/contracts';
import { DEFAULT_TASK_WITHIN_HOURS } from './task-deadline';
import type { WhistleEvent } from './whistle.events';
import type { SummonedDepartment, WhistleState } from './whistle.state';
import { assertNever } from '@gongzhi/eventsourcing';

function withDepartment(
  state: WhistleState,
  departmentId: string,
  change: (slot: SummonedDepartment) => SummonedDepartment,
): WhistleState {
  const slot = state.status === 'None' ? undefined : ownValue(state.departments, departmentId);
  if (state.status === 'None' || !slot) return state;
  return { ...state, departments: { ...state.departments, [departmentId]: change(slot) } };
}

export function evolveWhistle(state: WhistleState, e: WhistleEvent): WhistleState {
  switch (e.type) {
    case 'WhistleBlown': {
      const d = e.data;
      const departments = Object.fromEntries(
        d.departmentIds.map((departmentId): [string, SummonedDepartment] => [
          departmentId,
          {
            departmentId,
            lead: departmentId === d.leadDepartmentId,
            checkIn: { state: 'awaiting', dueAt: d.checkInBy },
            // The contract's record does not require a key per department: one left out gets the default.
            taskWithinHours: d.taskWithinHours[departmentId] ?? DEFAULT_TASK_WITHIN_HOURS,
            task: { state: 'not_started' },
            evaluatedBy: [],
          },
        ]),
      );
      return {
        status: 'Summoned',
        whistleId: d.whistleId,
        caseId: d.caseId,
        title: d.title,
        cityId: d.cityId,
        districtId: d.districtId,
        streetId: d.streetId,
        blownAt: new Date(Date.parse(d.checkInBy) - d.checkInWithinMinutes * 6e4).toISOString(),
        checkInBy: d.checkInBy,
        escalationDelays: d.escalationDelaysMinutes,
        departmentIds: d.departmentIds,
        departments,
      };
    }
    case 'DepartmentCheckedIn': {
      return withDepartment(state, e.data.departmentId, (slot) => ({
        ...slot,
        checkIn: { state: 'checked_in', at: e.data.checkedInAt, withinDeadline: e.data.withinDeadline },
        task: { state: 'open', dueBy: e.data.taskDueBy, overdue: false },
      }));
    }
    case 'CheckInMissed':
      return state;
    case 'WhistleEscalated':
      return withDepartment(state, e.data.departmentId, (slot) =>
        slot.checkIn.state === 'checked_in'
          ? slot
          : {
              ...slot,
              checkIn: { state: 'overdue', level: e.data.level, dueAt: slot.checkIn.dueAt, nextEscalationAt: e.data.nextEscalationAt },
            },
      );
    case 'WhistleTaskCompleted':
      return withDepartment(state, e.data.departmentId, (slot) => ({
        ...slot,
        task: { state: 'done', dueBy: slot.task.state === 'open' ? slot.task.dueBy : '', notes: e.data.notes, photoIds: e.data.photoIds },
      }));
    case 'WhistleTaskOverdue':
      return withDepartment(state, e.data.departmentId, (slot) =>
        slot.task.state === 'open' ? { ...slot, task: { ...slot.task, overdue: true } } : slot,
      );
    case 'WhistleResolved':
      return state.status === 'None' ? state : { ...state, status: 'Resolved' };
    case 'DepartmentEvaluated':
      return withDepartment(state, e.data.departmentId, (slot) => ({
        ...slot,
        evaluatedBy: [...slot.evaluatedBy, e.data.by === 'street' ? 'street' : `resident:${e.data.evaluatorId}`],
      }));
    default:
      return assertNever(e);
  }
}

