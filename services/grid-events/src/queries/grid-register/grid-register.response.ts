import { z } from 'zod';
import { baseRecordDetails } from '@gongzhi/contracts';

const status = z.enum(['active', 'retired']);
const kind = z.enum(['building', 'household', 'facility', 'organisation']);

/** `GET /api/grids/{gridId}/base-records`: the entries of a grid's register. */
export const baseRecordsAnswer = z.object({
  gridId: z.string(),
  records: z.array(
    z.object({
      recordId: z.string(),
      gridId: z.string(),
      kind,
      label: z.string(),
      details: baseRecordDetails,
      status,
      registeredAt: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    }),
  ),
});

/** `GET /api/grids/{gridId}/base-records/{recordId}`: one entry as it stands, with its audit trail. */
export const baseRecordAnswer = z.object({
  recordId: z.string(),
  gridId: z.string(),
  kind,
  details: baseRecordDetails,
  status,
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      action: z.enum(['registered', 'amended', 'retired']),
      changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
      reason: z.string().nullable(),
    }),
  ),
});

/** `GET /api/grids/{gridId}/facilities/{facilityId}/cases`: every case that names the facility, newest first. */
export const facilityCasesAnswer = z.object({
  facilityId: z.string(),
  label: z.string(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      categoryCode: z.string(),
      description: z.string(),
      status: z.string(),
      reportedAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
