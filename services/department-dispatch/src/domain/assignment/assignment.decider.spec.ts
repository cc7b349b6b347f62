import { deciderSpec } from '@gongzhi/testing';
import { assignmentDecider } from './assignment.decider';
import type { AssignmentEvent } from './assignment.events';

const ids = { assignmentId: 'a-1', caseId: 'case-1', departmentId: 'dept-chengguan' };
const createdData = {
  ...ids,
  categoryCode: 'city.road.pothole',
  streetId: 'street-nanjingdong',
  acknowledgeBy: '2026-11-26T10:00:00.000Z',
  resolveBy: '2026-11-28T09:00:00.000Z',
};
const created: AssignmentEvent = { type: 'AssignmentCreated', data: createdData };
const acknowledged: AssignmentEvent = { type: 'AssignmentAcknowledged', data: { ...ids, staffId: 'staff-1', withinDeadline: true } };
const staff = { actorDepartmentId: 'dept-chengguan', actor: { id: 'staff-1', kind: 'user' as const } };
/** The case policy: the platform's own command, no department acting. */
const policy = { actor: { id: 'department-dispatch.case-policy', kind: 'service' as const } };
const withdrawn: AssignmentEvent = { type: 'AssignmentWithdrawn', data: { ...ids, reason: 'case_resolved' } };
const spec = deciderSpec(assignmentDecider, {});

describe('assignment decider', () => {
  describe('when new', () => {
    it('is created by the dispatch policy with the case’s deadlines', () => {
      spec.given([]).when({ type: 'CreateAssignment', data: createdData }).then([created]);
    });

    it('refuses work on an assignment that does not exist', () => {
      spec.given([]).when({ type: 'AcknowledgeAssignment', data: {} }, staff).thenThrows('ASSIGNMENT.NOT_FOUND');
    });
  });

  describe('when created', () => {
    it('is acknowledged (签收) in time before acknowledgeBy', () => {
      spec.given([created]).when({ type: 'AcknowledgeAssignment', data: {} }, staff).then([acknowledged]);
    });

    it('records a late acknowledgement as not within the deadline', () => {
      spec
        .given([created])
        .when({ type: 'AcknowledgeAssignment', data: {} }, { ...staff, now: new Date('2026-11-26T10:00:01Z') })
        .then([{ type: 'AssignmentAcknowledged', data: { ...ids, staffId: 'staff-1', withinDeadline: false } }]);
    });

    it('is refused to staff of another department', () => {
      spec
        .given([created])
        .when({ type: 'AcknowledgeAssignment', data: {} }, { ...staff, actorDepartmentId: 'dept-jiaojing' })
        .thenThrows('ASSIGNMENT.FORBIDDEN');
    });

    it('cannot be completed before it is acknowledged', () => {
      spec
        .given([created])
        .when({ type: 'CompleteAssignment', data: { notes: 'done', afterPhotoIds: [] } }, staff)
        .thenThrows('ASSIGNMENT.NOT_ACKNOWLEDGED');
    });

    it('is declined back to the street with a reason and a suggested department', () => {
      spec
        .given([created])
        .when(
          { type: 'DeclineAssignment', data: { kind: 'declined', reason: '属交警职责', suggestedDepartmentId: 'dept-jiaojing' } },
          staff,
        )
        .then([
          {
            type: 'AssignmentDeclined',
            data: { ...ids, staffId: 'staff-1', kind: 'declined', reason: '属交警职责', suggestedDepartmentId: 'dept-jiaojing' },
          },
        ]);
    });

    it('cannot suggest its own department', () => {
      spec
        .given([created])
        .when({ type: 'DeclineAssignment', data: { kind: 'declined', reason: 'x', suggestedDepartmentId: 'dept-chengguan' } }, staff)
        .thenThrows('ASSIGNMENT.SAME_DEPARTMENT');
    });

    it('cannot be created twice (the policy’s redelivery)', () => {
      spec.given([created]).when({ type: 'CreateAssignment', data: createdData }).thenThrows('ASSIGNMENT.ALREADY_CREATED');
    });

    it('is withdrawn when its case ends another way, with the reason', () => {
      spec
        .given([created])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_resolved' } }, policy)
        .then([withdrawn]);
    });

    it('is withdrawn by the platform only, not by staff', () => {
      spec
        .given([created])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_closed' } }, staff)
        .thenThrows('ASSIGNMENT.FORBIDDEN');
    });
  });

  describe('when acknowledged', () => {
    it('takes progress reports', () => {
      spec
        .given([created, acknowledged])
        .when({ type: 'ReportAssignmentProgress', data: { note: '已到场', photoIds: ['p-1'] } }, staff)
        .then([{ type: 'AssignmentProgressReported', data: { ...ids, staffId: 'staff-1', note: '已到场', photoIds: ['p-1'] } }]);
    });

    it('is completed with notes and photos, within its resolve deadline', () => {
      spec
        .given([created, acknowledged])
        .when({ type: 'CompleteAssignment', data: { notes: '已修复', afterPhotoIds: ['p-2'] } }, staff)
        .then([
          {
            type: 'AssignmentCompleted',
            data: { ...ids, staffId: 'staff-1', notes: '已修复', afterPhotoIds: ['p-2'], withinDeadline: true },
          },
        ]);
    });

    it('is withdrawn while in hand when the case is dispatched to someone else', () => {
      spec
        .given([created, acknowledged])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_redispatched' } }, policy)
        .then([{ type: 'AssignmentWithdrawn', data: { ...ids, reason: 'case_redispatched' } }]);
    });

    it('is not acknowledged twice', () => {
      spec
        .given([created, acknowledged])
        .when({ type: 'AcknowledgeAssignment', data: {} }, staff)
        .thenThrows('ASSIGNMENT.ALREADY_ACKNOWLEDGED');
    });

    it('can no longer be declined, but reassignment can be asked for', () => {
      spec
        .given([created, acknowledged])
        .when({ type: 'DeclineAssignment', data: { kind: 'declined', reason: 'x', suggestedDepartmentId: null } }, staff)
        .thenThrows('ASSIGNMENT.ALREADY_ACKNOWLEDGED');
      spec
        .given([created, acknowledged])
        .when(
          {
            type: 'DeclineAssignment',
            data: { kind: 'reassignment_requested', reason: '需住建处理', suggestedDepartmentId: 'dept-zhujian' },
          },
          staff,
        )
        .then([
          {
            type: 'AssignmentDeclined',
            data: {
              ...ids,
              staffId: 'staff-1',
              kind: 'reassignment_requested',
              reason: '需住建处理',
              suggestedDepartmentId: 'dept-zhujian',
            },
          },
        ]);
    });
  });

  describe('when completed', () => {
    const completed: AssignmentEvent = {
      type: 'AssignmentCompleted',
      data: { ...ids, staffId: 'staff-1', notes: 'ok', afterPhotoIds: [], withinDeadline: true },
    };

    it('takes no more work', () => {
      spec
        .given([created, acknowledged, completed])
        .when({ type: 'CompleteAssignment', data: { notes: 'again', afterPhotoIds: [] } }, staff)
        .thenThrows('ASSIGNMENT.ALREADY_COMPLETED');
      spec
        .given([created, acknowledged, completed])
        .when({ type: 'DeclineAssignment', data: { kind: 'reassignment_requested', reason: 'x', suggestedDepartmentId: null } }, staff)
        .thenThrows('ASSIGNMENT.CLOSED');
    });

    it('is not withdrawn: the case was resolved by this completion (the CaseResolved that comes back from grid-events)', () => {
      spec
        .given([created, acknowledged, completed])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_resolved' } }, policy)
        .thenThrows('ASSIGNMENT.ALREADY_COMPLETED');
    });
  });

  describe('when declined', () => {
    it('is not withdrawn: the department returned it already', () => {
      const declined: AssignmentEvent = {
        type: 'AssignmentDeclined',
        data: { ...ids, staffId: 'staff-1', kind: 'declined', reason: '属交警职责', suggestedDepartmentId: 'dept-jiaojing' },
      };
      spec
        .given([created, declined])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_redispatched' } }, policy)
        .thenThrows('ASSIGNMENT.ALREADY_DECLINED');
    });
  });

  describe('when withdrawn', () => {
    it('is not withdrawn twice (a repeated or later end of the case)', () => {
      spec
        .given([created, withdrawn])
        .when({ type: 'WithdrawAssignment', data: { reason: 'case_closed' } }, policy)
        .thenThrows('ASSIGNMENT.ALREADY_WITHDRAWN');
    });

    it('takes no more work from the department', () => {
      spec.given([created, withdrawn]).when({ type: 'AcknowledgeAssignment', data: {} }, staff).thenThrows('ASSIGNMENT.ALREADY_WITHDRAWN');
      spec
        .given([created, acknowledged, withdrawn])
        .when({ type: 'CompleteAssignment', data: { notes: 'done', afterPhotoIds: [] } }, staff)
        .thenThrows('ASSIGNMENT.ALREADY_WITHDRAWN');
      spec
        .given([created, withdrawn])
        .when({ type: 'DeclineAssignment', data: { kind: 'declined', reason: 'x', suggestedDepartmentId: null } }, staff)
        .thenThrows('ASSIGNMENT.CLOSED');
    });
  });
});
