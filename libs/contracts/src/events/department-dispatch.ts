import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, ids, optionalComment, photoIds, score, text, timestamp } from './fields';

// Assignments (a case handled by a department) and the whistle (吹哨报到): a street summons several
// departments to one problem. Streams: assignment-<assignmentId> and whistle-<whistleId>.

const service = 'department-dispatch';

const assignment = {
  assignmentId: id,
  caseId: id,
  departmentId: id,
};

const staffId = id.describe('The staff member of the department who acted.');
const escalationLevel = z.enum(['street', 'district', 'city']);

export const AssignmentCreated = defineEvent({
  service,
  type: 'AssignmentCreated',
  version: 1,
  summary: "A case dispatched to a department arrived in the department's inbox, with its deadlines.",
  schema: z.object({
    ...assignment,
    categoryCode: id,
    streetId: id.nullable().describe('The street of the case when known from its report; null otherwise.'),
    acknowledgeBy: timestamp,
    resolveBy: timestamp,
  }),
});

export const AssignmentAcknowledged = defineEvent({
  service,
  type: 'AssignmentAcknowledged',
  version: 1,
  summary: 'The department acknowledged the assignment (签收); the case is acknowledged from this.',
  schema: z.object({
    ...assignment,
    staffId,
    withinDeadline: z.boolean().describe('Acknowledged by acknowledgeBy.'),
  }),
});

export const AssignmentProgressReported = defineEvent({
  service,
  type: 'AssignmentProgressReported',
  version: 1,
  summary: 'The department reported progress on the assignment.',
  schema: z.object({ ...assignment, staffId, note: text, photoIds }),
});

export const AssignmentCompleted = defineEvent({
  service,
  type: 'AssignmentCompleted',
  version: 1,
  summary: 'The department reported the work done (处置完毕); the case is resolved from this.',
  schema: z.object({
    ...assignment,
    staffId,
    notes: text,
    afterPhotoIds: photoIds,
    withinDeadline: z.boolean().describe('Completed by resolveBy.'),
  }),
});

export const AssignmentDeclined = defineEvent({
  service,
  type: 'AssignmentDeclined',
  version: 1,
  summary: 'The department gave the assignment back to the street, with a reason: not its responsibility, or to be reassigned.',
  schema: z.object({
    ...assignment,
    staffId,
    kind: z
      .enum(['declined', 'reassignment_requested'])
      .describe(
        'declined: not this department’s responsibility (before acknowledging); reassignment_requested: another department should take it.',
      ),
    reason: text,
    suggestedDepartmentId: id.nullable(),
  }),
});

export const AssignmentWithdrawn = defineEvent({
  service,
  type: 'AssignmentWithdrawn',
  version: 1,
  summary:
    "The department no longer needs to act: the case ended another way than by this assignment, or went to another assignee. The assignment leaves the department's queue without counting for or against it.",
  schema: z.object({
    ...assignment,
    reason: z
      .enum(['case_resolved', 'case_closed', 'case_rejected', 'case_merged', 'case_redispatched'])
      .describe(
        "The case's event that ended the department's part: case_resolved: resolved other than by this assignment (e.g. by the street's whistle); case_closed, case_rejected, case_merged: the case ended; case_redispatched: the case was dispatched to another assignee.",
      ),
  }),
});

export const WhistleBlown = defineEvent({
  service,
  type: 'WhistleBlown',
  version: 1,
  summary: 'A street blew the whistle (吹哨): summoned departments must check in (报到) within the deadline.',
  schema: z
    .object({
      whistleId: id,
      caseId: id.nullable().describe('The case that led to the whistle; null for a new problem.'),
      categoryCode: id.nullable(),
      cityId: id.describe('The city above the street: the last level of the escalation chain.'),
      districtId: id.describe('The district above the street: the second level of the escalation chain.'),
      streetId: id,
      title: text,
      description: text,
      departmentIds: ids.min(1),
      leadDepartmentId: id.describe('One of departmentIds: it coordinates the joint handling.'),
      checkInWithinMinutes: z.number().int().positive(),
      checkInBy: timestamp,
      escalationDelaysMinutes: z
        .object({ district: z.number().int().positive(), city: z.number().int().positive() })
        .describe(
          'A missed check-in goes to the street at checkInBy, to the district this long after, then to the city this long after that.',
        ),
      taskWithinHours: z
        .record(z.string(), z.number().int().positive())
        .describe("Per department: hours from its check-in to its task's deadline."),
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
  summary: 'A summoned department checked in (报到) on the whistle; its task of the joint handling starts.',
  schema: z.object({
    whistleId: id,
    caseId: id.nullable(),
    departmentId: id,
    staffId,
    checkedInAt: timestamp.describe('When the server received the check-in.'),
    madeAt: timestamp
      .optional()
      .describe('When a check-in queued offline was made on the device; judged within a grace window (docs/offline.md).'),
    withinDeadline: z.boolean().describe('False when it checked in after its deadline.'),
    minutesToCheckIn: z.number().nonnegative().describe('From the whistle to the check-in.'),
    escalationLevel: escalationLevel.nullable().describe('How far the missed check-in had been escalated; null when in time.'),
    taskDueBy: timestamp,
  }),
});

export const CheckInMissed = defineEvent({
  service,
  type: 'CheckInMissed',
  version: 1,
  summary: 'A summoned department did not check in by the deadline; the street chases it (first step of the escalation).',
  schema: z.object({ whistleId: id, departmentId: id, dueAt: timestamp }),
});

export const WhistleEscalated = defineEvent({
  service,
  type: 'WhistleEscalated',
  version: 1,
  summary: "A department's missed check-in moved one level up the chain (street → district → city); its check-in stops the chain.",
  schema: z.object({
    whistleId: id,
    departmentId: id.describe('The department that has not checked in.'),
    level: escalationLevel.describe('The level now responsible for getting the department there.'),
    escalatedTo: id.describe('The street, district or city id of that level.'),
    nextEscalationAt: timestamp.nullable().describe('When it goes one level up unless the department checks in; null at the top.'),
  }),
});

export const WhistleTaskCompleted = defineEvent({
  service,
  type: 'WhistleTaskCompleted',
  version: 1,
  summary: 'A department finished its task of the joint handling (one task per department).',
  schema: z.object({
    whistleId: id,
    departmentId: id,
    staffId,
    notes: text,
    photoIds,
    withinDeadline: z.boolean(),
    minutesToResolve: z.number().nonnegative().describe('From the whistle to the task done.'),
  }),
});

export const WhistleTaskOverdue = defineEvent({
  service,
  type: 'WhistleTaskOverdue',
  version: 1,
  summary: "A department's task was not done by its deadline.",
  schema: z.object({ whistleId: id, departmentId: id, dueAt: timestamp }),
});

export const WhistleResolved = defineEvent({
  service,
  type: 'WhistleResolved',
  version: 1,
  summary:
    'Every task of the whistle is done; the case (if any) is resolved from this, and the street and residents can evaluate each department.',
  schema: z.object({
    whistleId: id,
    caseId: id.nullable(),
    streetId: id,
    departmentIds: ids.min(1),
    summary: text.describe("Each department's notes, one line each."),
    photoIds: photoIds.describe("Every department's photos."),
  }),
});

export const DepartmentEvaluated = defineEvent({
  service,
  type: 'DepartmentEvaluated',
  version: 1,
  summary: "The street or a resident evaluated a department's part in a whistle (1–5 with a comment).",
  schema: z.object({
    whistleId: id,
    departmentId: id,
    streetId: id,
    score,
    comment: optionalComment,
    by: z.enum(['street', 'resident']),
    evaluatorId: id.describe('The street officer or resident; each evaluates a department of a whistle once.'),
  }),
});

// 上面千条线，下面一根针: tasks a department pushes down to a community, recorded so a street can see and argue
// its communities' load. Stream: community-task-<taskId>.

export const CommunityTaskPushed = defineEvent({
  service,
  type: 'CommunityTaskPushed',
  version: 1,
  summary: 'A department pushed a task down to a community (下派任务), with its deadline.',
  schema: z.object({
    taskId: id,
    communityId: id,
    streetId: id,
    sourceDepartmentId: id.describe('The department that pushed the task.'),
    title: text,
    dueAt: timestamp,
    staffId: id.describe('The staff member of the source department who pushed it.'),
  }),
});

export const CommunityTaskCompleted = defineEvent({
  service,
  type: 'CommunityTaskCompleted',
  version: 1,
  summary: 'The community reported a pushed task done.',
  schema: z.object({
    taskId: id,
    communityId: id,
    streetId: id,
    sourceDepartmentId: id,
    officerId: id.describe('The community officer who reported it done.'),
    note: text,
    withinDeadline: z.boolean().describe('Done by dueAt.'),
  }),
});

// 预警: a pattern the platform saw before it became a failure, raised once per subject and period, each with its
// reason in plain words. Stream: early-warning-<warningId> (the id is derived from the subject and the period).

export const EarlyWarningRaised = defineEvent({
  service,
  type: 'EarlyWarningRaised',
  version: 1,
  summary:
    'An early warning (预警): a problem repeating at one place, an assignment likely to miss its deadline, or a department that keeps missing whistle check-ins.',
  schema: z.object({
    warningId: id,
    kind: z.enum(['repeat_problem', 'sla_risk', 'check_in_misses']),
    streetId: id.nullable().describe('The street it concerns, when known.'),
    communityId: id.nullable(),
    gridId: id.nullable(),
    departmentId: id.nullable().describe('The department it concerns (sla_risk, check_in_misses).'),
    categoryCode: id.nullable(),
    subjectIds: ids.min(1).describe('The cases, assignment or whistles that raised it.'),
    reason: z.object({ zh: text, en: text }).describe('Why, in plain words, as staff and the wall screen show it.'),
  }),
});

// 第三方评估: an independent evaluator, granted named communities for a period by a city admin, publishes an
// evaluation report per community and period (docs/evaluation.md). Streams: evaluator-grants-<evaluatorId> and
// evaluation-report-<communityId>-<period>.

/** A month (2026-11) or a quarter (2026-Q4) in the city's calendar. */
export const evaluationPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a month like 2026-11 or a quarter like 2026-Q4')
  .describe('A month (2026-11) or a quarter (2026-Q4).');

export const EvaluatorAccessGranted = defineEvent({
  service,
  type: 'EvaluatorAccessGranted',
  version: 1,
  summary: 'A city admin granted a third-party evaluator read access to named communities for a period.',
  schema: z.object({
    grantId: id,
    evaluatorId: id.describe('The account of the evaluator.'),
    communityIds: ids.min(1),
    validFrom: timestamp,
    validUntil: timestamp.describe('The grant ends here: no read and no report after it.'),
    adminId: id.describe('The admin who granted it.'),
  }),
});

export const EvaluationReportPublished = defineEvent({
  service,
  type: 'EvaluationReportPublished',
  version: 1,
  summary: 'A third-party evaluator published an evaluation report of a community for a period; a correction is a new version.',
  schema: z.object({
    reportId: id.describe('<communityId>/<period>: one report per community and period, in versions.'),
    communityId: id,
    streetId: id,
    period: evaluationPeriod,
    version: z.number().int().min(1),
    evaluatorId: id,
    scores: z
      .array(z.object({ heading: text, score: z.number().int().min(0).max(100) }))
      .min(1)
      .describe('A score of 0–100 per heading the evaluator assessed.'),
    overallScore: z.number().min(0).max(100).describe('The mean of the scores, to one decimal.'),
    summary: text,
    correction: z
      .object({ ofVersion: z.number().int().min(1), reason: text })
      .nullable()
      .describe('Null for the first version; what a later version corrects, and why.'),
  }),
});

export const departmentDispatchContracts = [
  AssignmentCreated,
  AssignmentAcknowledged,
  AssignmentProgressReported,
  AssignmentCompleted,
  AssignmentDeclined,
  AssignmentWithdrawn,
  WhistleBlown,
  DepartmentCheckedIn,
  CheckInMissed,
  WhistleEscalated,
  WhistleTaskCompleted,
  WhistleTaskOverdue,
  WhistleResolved,
  DepartmentEvaluated,
  CommunityTaskPushed,
  CommunityTaskCompleted,
  EarlyWarningRaised,
  EvaluatorAccessGranted,
  EvaluationReportPublished,
] as const;
