import { z } from 'zod';

const escalationLevel = z.enum(['street', 'district', 'city']);

/** `GET /api/department-dispatch/departments/{departmentId}/assignments`: the department's inbox, newest first. */
export const assignmentsAnswer = z.object({
  assignments: z.array(
    z.object({
      assignmentId: z.string(),
      caseId: z.string(),
      departmentId: z.string(),
      categoryCode: z.string(),
      streetId: z.string().nullable(),
      status: z.enum(['created', 'acknowledged', 'completed', 'declined', 'reassignment_requested', 'withdrawn']),
      createdAt: z.string(),
      acknowledgeBy: z.string(),
      resolveBy: z.string(),
      acknowledgedAt: z.string().nullable(),
      closedAt: z.string().nullable(),
      withdrawalReason: z.string().nullable(),
      reopenReason: z.string().nullable().describe('Why a resident reopened the case, on an assignment the reopening created.'),
    }),
  ),
});

/** `GET /api/department-dispatch/departments/{departmentId}/whistles`: the whistles that summoned a department. */
export const departmentWhistlesAnswer = z.object({
  whistles: z.array(
    z.object({
      whistleId: z.string(),
      departmentId: z.string(),
      streetId: z.string(),
      title: z.string(),
      lead: z.boolean(),
      blownAt: z.string(),
      checkInBy: z.string(),
      checkedInAt: z.string().nullable(),
      escalationLevel: escalationLevel.nullable(),
      taskDueBy: z.string().nullable(),
      taskOverdue: z.boolean(),
      taskCompletedAt: z.string().nullable(),
    }),
  ),
});

/** `GET /api/department-dispatch/streets/{streetId}/whistles`: the street's whistle board. */
export const streetWhistlesAnswer = z.object({
  whistles: z.array(
    z.object({
      whistleId: z.string(),
      caseId: z.string().nullable(),
      streetId: z.string(),
      title: z.string(),
      leadDepartmentId: z.string(),
      status: z.enum(['summoned', 'resolved']),
      blownAt: z.string(),
      checkInBy: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

const checkIn = z.discriminatedUnion('state', [
  z.object({ state: z.literal('awaiting'), dueAt: z.string() }),
  z.object({ state: z.literal('overdue'), level: escalationLevel, dueAt: z.string(), nextEscalationAt: z.string().nullable() }),
  z.object({ state: z.literal('checked_in'), at: z.string(), withinDeadline: z.boolean() }),
]);

const task = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_started') }),
  z.object({ state: z.literal('open'), dueBy: z.string(), overdue: z.boolean() }),
  z.object({ state: z.literal('done'), dueBy: z.string(), notes: z.string(), photoIds: z.array(z.string()) }),
]);

/** `GET /api/department-dispatch/whistles/{whistleId}`: one whistle, its departments in summoning order. */
export const whistleAnswer = z.object({
  status: z.enum(['Summoned', 'Resolved']),
  whistleId: z.string(),
  caseId: z.string().nullable(),
  title: z.string(),
  cityId: z.string(),
  districtId: z.string(),
  streetId: z.string(),
  blownAt: z.string(),
  checkInBy: z.string(),
  escalationDelays: z.object({ district: z.number(), city: z.number() }).describe('Minutes between the escalation steps.'),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      lead: z.boolean(),
      checkIn,
      taskWithinHours: z.number(),
      task,
      evaluations: z.number().int().describe('How many evaluated the department: the street and each resident.'),
    }),
  ),
});
