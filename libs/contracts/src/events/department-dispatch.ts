import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, ids, optionalComment, photoIds, score, text, timestamp } from './fields';

// Assignments (a case handled by a department) and the whistle (吹哨报到): a street summons several
// departments to one problem. Streams: whistle-<whistleId>, and one per assignment.

const service = 'department-dispatch';

const assignment = {
  assignmentId: id,
  caseId: id,
  departmentId: id,
};

export const AssignmentCreated = defineEvent({
  service,
  type: 'AssignmentCreated',
  version: 1,
  summary: "A dispatched case arrived in a department's inbox, with its deadlines.",
  schema: z.object({ ...assignment, categoryCode: id, acknowledgeBy: timestamp, resolveBy: timestamp }),
});

export const AssignmentAcknowledged = defineEvent({
  service,
  type: 'AssignmentAcknowledged',
  version: 1,
  summary: 'The department acknowledged the assignment (签收).',
  schema: z.object({ ...assignment, staffId: id.describe('The staff member who acknowledged.') }),
});

export const AssignmentProgressReported = defineEvent({
  service,
  type: 'AssignmentProgressReported',
  version: 1,
  summary: 'The department reported progress on the assignment.',
  schema: z.object({ ...assignment, note: text, photoIds }),
});

export const AssignmentCompleted = defineEvent({
  service,
  type: 'AssignmentCompleted',
  version: 1,
  summary: 'The department reported the work done; the case is resolved from this.',
  schema: z.object({ ...assignment, notes: text, afterPhotoIds: photoIds }),
});

export const AssignmentDeclined = defineEvent({
  service,
  type: 'AssignmentDeclined',
  version: 1,
  summary: 'The department declined the assignment as not its responsibility; the case is dispatched again.',
  schema: z.object({ ...assignment, reason: text, suggestedDepartmentId: id.nullable() }),
});

export const WhistleBlown = defineEvent({
  service,
  type: 'WhistleBlown',
  version: 1,
  summary: 'A street blew the whistle (吹哨): summoned departments must check in (报到) within the deadline.',
  schema: z
    .object({
      whistleId: id,
      caseId: id.nullable().describe('The case that led to the whistle, if any.'),
      streetId: id,
      title: text,
      description: text,
      departmentIds: ids.min(1),
      leadDepartmentId: id.describe('One of departmentIds: it coordinates the joint handling.'),
      checkInWithinMinutes: z.number().int().positive(),
      checkInBy: timestamp,
    })
    .superRefine((data, ctx) => {
      if (!data.departmentIds.includes(data.leadDepartmentId)) {
        ctx.addIssue({ code: 'custom', path: ['leadDepartmentId'], message: 'must be one of departmentIds' });
      }
    }),
});

export const DepartmentCheckedIn = defineEvent({
  service,
  type: 'DepartmentCheckedIn',
  version: 1,
  summary: 'A summoned department checked in (报到) on the whistle.',
  schema: z.object({
    whistleId: id,
    departmentId: id,
    withinDeadline: z.boolean().describe('False when it checked in after CheckInMissed.'),
  }),
});

export const CheckInMissed = defineEvent({
  service,
  type: 'CheckInMissed',
  version: 1,
  summary: 'A summoned department did not check in by the deadline.',
  schema: z.object({ whistleId: id, departmentId: id, dueAt: timestamp }),
});

export const WhistleEscalated = defineEvent({
  service,
  type: 'WhistleEscalated',
  version: 1,
  summary: 'Missed check-ins moved the whistle one level up the chain (street → district → city).',
  schema: z.object({
    whistleId: id,
    level: z.enum(['street', 'district', 'city']).describe('The level now responsible for getting the departments there.'),
    missedDepartmentIds: ids.min(1),
    checkInBy: timestamp.describe('The new check-in deadline.'),
  }),
});

export const WhistleTaskCompleted = defineEvent({
  service,
  type: 'WhistleTaskCompleted',
  version: 1,
  summary: "A department finished its task of the joint handling (one task per department).",
  schema: z.object({ whistleId: id, departmentId: id, notes: text, photoIds }),
});

export const WhistleResolved = defineEvent({
  service,
  type: 'WhistleResolved',
  version: 1,
  summary: 'Every task of the whistle is done; the street and residents can evaluate each department.',
  schema: z.object({ whistleId: id, caseId: id.nullable(), streetId: id, summary: text }),
});

export const DepartmentEvaluated = defineEvent({
  service,
  type: 'DepartmentEvaluated',
  version: 1,
  summary: "The street or a resident evaluated a department's part in a whistle.",
  schema: z.object({
    whistleId: id,
    departmentId: id,
    score,
    comment: optionalComment,
    by: z.enum(['street', 'resident']),
  }),
});

export const departmentDispatchContracts = [
  AssignmentCreated,
  AssignmentAcknowledged,
  AssignmentProgressReported,
  AssignmentCompleted,
  AssignmentDeclined,
  WhistleBlown,
  DepartmentCheckedIn,
  CheckInMissed,
  WhistleEscalated,
  WhistleTaskCompleted,
  WhistleResolved,
  DepartmentEvaluated,
] as const;
