import { z } from 'zod';

/** `GET /api/department-dispatch/early-warnings`: the reader's warnings, newest first, each with its reason. */
export const earlyWarningsAnswer = z.object({
  warnings: z.array(
    z.object({
      warningId: z.string(),
      kind: z.enum(['repeat_problem', 'check_in_misses', 'sla_risk']),
      streetId: z.string().nullable(),
      communityId: z.string().nullable(),
      gridId: z.string().nullable(),
      departmentId: z.string().nullable(),
      categoryCode: z.string().nullable(),
      subjectIds: z.array(z.string()).describe('The cases, whistles or assignments the warning is about.'),
      reason: z.object({ zh: z.string(), en: z.string() }),
      raisedAt: z.string(),
    }),
  ),
});
