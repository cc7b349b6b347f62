import { z } from 'zod';
import { CaseClosed, CaseReported } from '@gongzhi/contracts';

const caseStatus = z.enum(['Reported', 'Accepted', 'Rejected', 'Merged', 'Dispatched', 'Acknowledged', 'Resolved', 'Confirmed', 'Closed']);
const location = z.object({ lat: z.number(), long: z.number() }).nullable();
const assigneeKind = z.enum(['grid_worker', 'department']);
const reporterId = z.string().nullable().describe('Only where the reader may know who reported (never of an anonymous report).');

/** What every view of a case shows: what was reported, where, and where it stands. */
const caseBasics = {
  caseId: z.string(),
  status: caseStatus,
  categoryCode: z.string(),
  description: z.string(),
  location,
  address: z.string().nullable(),
  gridId: z.string(),
};

/** One row of `GET /api/cases`. */
export const caseListItem = z.object({
  ...caseBasics,
  anonymous: z.boolean(),
  reporterId,
  assigneeKind: assigneeKind.nullable(),
  departmentId: z.string().nullable(),
  resolveBy: z.string().nullable(),
  overdue: z.boolean(),
  reportedAt: z.string(),
  updatedAt: z.string(),
});

/** `GET /api/cases`: the cases the caller may read in full, newest first. */
export const caseListAnswer = z.object({ cases: z.array(caseListItem) });

/** `GET /api/cases/{caseId}`: one case as its reader may see it, with its timeline. */
export const caseAnswer = z.object({
  ...caseBasics,
  communityId: z.string(),
  streetId: z.string(),
  anonymous: z.boolean(),
  reporterId,
  reportedByYou: z.boolean(),
  reportedVia: CaseReported.schema.shape.reportedVia,
  photoIds: z.array(z.string()),
  afterPhotoIds: z.array(z.string()),
  resolutionNotes: z.string().nullable(),
  assignment: z
    .object({
      kind: assigneeKind,
      id: z.string(),
      departmentId: z.string().nullable(),
      acknowledgeBy: z.string(),
      resolveBy: z.string(),
      acknowledgeOverdue: z.boolean(),
      resolutionOverdue: z.boolean(),
    })
    .nullable(),
  autoCloseAt: z.string().nullable(),
  evaluation: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
  voidReason: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  closeReason: CaseClosed.schema.shape.reason.nullable(),
  reopenCount: z.number().int(),
  facilityId: z.string().nullable(),
  timeline: z.array(
    z.object({
      type: z.string().describe('The event: CaseReported, CaseAccepted …'),
      at: z.string(),
      by: z.string().nullable().describe("The actor's role (or 'anonymous'), never a person's id."),
    }),
  ),
});

/** `GET /api/cases/duplicates`: open cases nearby, in full where the reader may read them, else only a hint. */
export const duplicatesAnswer = z.object({
  duplicates: z.array(
    z.union([
      z.object({
        caseId: z.string(),
        categoryCode: z.string(),
        description: z.string(),
        status: z.string(),
        distanceMetres: z.number(),
        reportedAt: z.string(),
      }),
      z.object({ categoryCode: z.string(), distanceMetres: z.number() }),
    ]),
  ),
});
