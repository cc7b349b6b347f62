import { z } from 'zod';
import { defineEvent, defineUpcaster } from '../registry';
import {
  assigneeKind,
  id,
  idNullWhenAnonymous,
  ids,
  latitude,
  longitude,
  optionalComment,
  photoIds,
  score,
  text,
  timestamp,
} from './fields';
import { baseDataContracts } from './grid-events-base-data';

// Cases (事件/案件) and their closed loop: 发现-上报-分派-处置-反馈-评价. Stream: case-<caseId>.

const service = 'grid-events';

const caseId = id;
const categoryCode = id.describe('Code of the category in the service catalogue, e.g. city.road.pothole.');
const reporterId = id.nullable().describe('The reporting resident or staff member; null when anonymous or unknown.');
const anonymous = z.boolean().describe('The reporter asked to stay anonymous: reporterId is then null.');
const place = {
  gridId: id,
  communityId: id,
  streetId: id,
};

/** The first shape of CaseReported: flat coordinates, no address, no photos. Old events are read through the upcaster. */
export const CaseReportedV1 = defineEvent({
  service,
  type: 'CaseReported',
  version: 1,
  summary: 'A problem was reported (上报). Superseded by v2.',
  schema: z
    .object({
      caseId,
      categoryCode,
      description: text,
      lat: latitude,
      long: longitude,
      ...place,
      reporterId,
      anonymous,
      reportedVia: z.enum(['resident', 'grid_worker', 'open311']),
    })
    .superRefine(idNullWhenAnonymous('reporterId')),
});

export const CaseReported = defineEvent({
  service,
  type: 'CaseReported',
  version: 2,
  summary:
    'A problem was reported (随手拍/上报): by a resident, a grid worker, Open311, the 12345 hotline, or staff for a resident (assisted).',
  schema: z
    .object({
      caseId,
      categoryCode,
      description: text,
      location: z.object({ lat: latitude, long: longitude }).nullable().describe('WGS 84; null when only an address is known.'),
      address: z.string().min(1).nullable(),
      ...place,
      reporterId,
      anonymous,
      photoIds,
      reportedVia: z.enum(['resident', 'grid_worker', 'open311', 'hotline', 'assisted']),
      facilityId: id
        .optional()
        .describe("The public facility of the grid's register the problem is at (a street light, a lift …); absent when none was named."),
    })
    .superRefine(idNullWhenAnonymous('reporterId')),
});

export const caseReportedV1ToV2 = defineUpcaster<typeof CaseReportedV1, typeof CaseReported>({
  type: 'CaseReported',
  fromVersion: 1,
  toVersion: 2,
  up: ({ lat, long, ...rest }) => ({ ...rest, location: { lat, long }, address: null, photoIds: [] }),
});

export const CaseAccepted = defineEvent({
  service,
  type: 'CaseAccepted',
  version: 1,
  summary: 'Triage accepted the case as valid (受理). Earns the reporter points for a valid report.',
  schema: z.object({
    caseId,
    categoryCode: categoryCode.describe('The category after triage, which may differ from the reported one.'),
    reporterId: reporterId.describe('Repeated from CaseReported so a reaction needs no state; null when anonymous or unknown.'),
    ...place,
  }),
});

export const CaseRejected = defineEvent({
  service,
  type: 'CaseRejected',
  version: 1,
  summary: 'Triage rejected the case (不予受理), with the reason told to the reporter.',
  schema: z.object({ caseId, reason: text }),
});

export const CaseVoided = defineEvent({
  service,
  type: 'CaseVoided',
  version: 1,
  summary:
    'A case accepted earlier was found invalid (作废: made up, not a real problem) by its community or street officer, with the reason told to the reporter. An open case is then closed (CaseClosed, reason voided); the points its acceptance earned are reversed.',
  schema: z.object({ caseId, reason: text }),
});

export const CaseMerged = defineEvent({
  service,
  type: 'CaseMerged',
  version: 1,
  summary: 'The case duplicates an open one and was merged into it; it follows that case from now on.',
  schema: z.object({ caseId, intoCaseId: id }),
});

export const CaseDispatched = defineEvent({
  service,
  type: 'CaseDispatched',
  version: 1,
  summary: 'The case was dispatched (分派) to a grid worker or a department, with its due times.',
  schema: z
    .object({
      caseId,
      categoryCode,
      assigneeKind,
      assigneeId: id.describe("The grid worker's id, or the department's id."),
      departmentId: id.nullable().describe('The department handling the case; null for a grid worker.'),
      acknowledgeBy: timestamp,
      resolveBy: timestamp,
    })
    .superRefine((data, ctx) => {
      if (data.assigneeKind === 'department' && data.departmentId === null) {
        ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'is required when assigneeKind is department' });
      }
    }),
});

export const CaseAssignmentDeclined = defineEvent({
  service,
  type: 'CaseAssignmentDeclined',
  version: 1,
  summary: 'The department declined the case as not its responsibility; the case waits to be dispatched again.',
  schema: z.object({ caseId, departmentId: id, reason: text, suggestedDepartmentId: id.nullable() }),
});

export const CaseAcknowledged = defineEvent({
  service,
  type: 'CaseAcknowledged',
  version: 1,
  summary: 'The assignee acknowledged the case (签收).',
  schema: z.object({ caseId, assigneeKind, assigneeId: id, departmentId: id.nullable() }),
});

export const CaseResolved = defineEvent({
  service,
  type: 'CaseResolved',
  version: 1,
  summary: 'The assignee reported the problem fixed (处置完毕), with notes and after-photos; the reporter is asked to confirm.',
  schema: z.object({
    caseId,
    notes: text,
    afterPhotoIds: photoIds,
    autoCloseAt: timestamp
      .nullable()
      .describe('When the case closes itself if the reporter neither confirms nor reopens; null when no reporter can answer.'),
  }),
});

export const CaseConfirmed = defineEvent({
  service,
  type: 'CaseConfirmed',
  version: 1,
  summary: 'The reporter confirmed the fix.',
  schema: z.object({
    caseId,
    autoCloseAt: timestamp
      .nullable()
      .optional()
      .describe('When the case closes itself if the reporter does not evaluate; null or absent when no evaluation is awaited.'),
  }),
});

export const CaseReopened = defineEvent({
  service,
  type: 'CaseReopened',
  version: 1,
  summary: 'The reporter said the problem is not fixed; the case goes back to its assignee, with a new resolve-by time.',
  schema: z.object({
    caseId,
    reason: text,
    resolveBy: timestamp
      .nullable()
      .optional()
      .describe(
        "The assignee's new resolve-by time: the reopening plus the category's resolve SLA. Null when the case has no assignee (resolved by a whistle before any dispatch); absent on events recorded before reopening set one, when the resolve-by time of the dispatch still applies.",
      ),
  }),
});

export const CaseEvaluated = defineEvent({
  service,
  type: 'CaseEvaluated',
  version: 1,
  summary: 'The reporter rated the handling (评价).',
  schema: z.object({ caseId, score, comment: optionalComment }),
});

export const CaseClosed = defineEvent({
  service,
  type: 'CaseClosed',
  version: 1,
  summary: 'The case is closed (办结): the end of its loop.',
  schema: z.object({
    caseId,
    reason: z
      .enum(['evaluated', 'confirmed', 'auto_closed', 'voided'])
      .describe(
        'evaluated: rated by the reporter; confirmed: confirmed where the category needs no evaluation; auto_closed: no answer within the wait; voided: found invalid after acceptance (CaseVoided).',
      ),
  }),
});

const overdue = {
  caseId,
  assigneeKind,
  assigneeId: id,
  departmentId: id.nullable(),
  dueAt: timestamp,
};

export const CaseAcknowledgeOverdue = defineEvent({
  service,
  type: 'CaseAcknowledgeOverdue',
  version: 1,
  summary: 'The assignee did not acknowledge the case by its acknowledge-by time.',
  schema: z.object(overdue),
});

export const CaseResolutionOverdue = defineEvent({
  service,
  type: 'CaseResolutionOverdue',
  version: 1,
  summary: 'The case was not resolved by its resolve-by time.',
  schema: z.object(overdue),
});

export const CaseEscalated = defineEvent({
  service,
  type: 'CaseEscalated',
  version: 1,
  summary: 'The case is overdue or crosses departments and was escalated to the street, which blows the whistle (吹哨).',
  schema: z.object({
    caseId,
    reason: z.enum(['acknowledge_overdue', 'resolution_overdue', 'cross_department']),
    note: z.string().nullable(),
    streetId: id,
    departmentIds: ids.min(1).describe('The departments the problem needs.'),
  }),
});

/**
 * Only staff uploads are announced: a resident's photo may belong to an anonymous report, and naming its
 * uploader on a public topic would undo that anonymity.
 */
export const StaffPhotoUploaded = defineEvent({
  service,
  type: 'StaffPhotoUploaded',
  version: 1,
  summary:
    'A staff member (grid worker, officer) uploaded a photo to the media store, e.g. a signed consent slip for an assisted ballot. ' +
    'Lets other services check that a photo exists and who took it. Stream: photo-<photoId>.',
  schema: z.object({
    photoId: id,
    uploadedBy: id.describe('The subject of the staff member who uploaded it.'),
    uploaderRoles: ids,
  }),
});

export const gridEventContracts = [
  CaseReported,
  CaseAccepted,
  CaseRejected,
  CaseVoided,
  CaseMerged,
  CaseDispatched,
  CaseAssignmentDeclined,
  CaseAcknowledged,
  CaseResolved,
  CaseConfirmed,
  CaseReopened,
  CaseEvaluated,
  CaseClosed,
  CaseAcknowledgeOverdue,
  CaseResolutionOverdue,
  CaseEscalated,
  StaffPhotoUploaded,
  ...baseDataContracts,
] as const;

export const gridEventHistory = { superseded: [CaseReportedV1], upcasters: [caseReportedV1ToV2] };
