import { z } from 'zod';
import { day } from '../../http/request-fields';

export const gradeOrganisationRequest = z.object({
  grade: z.enum(['1A', '2A', '3A', '4A', '5A']),
  evaluatedOn: day,
  validUntil: day,
  note: z.string().trim().max(2000).nullable().default(null),
});

export type GradeOrganisationRequest = z.output<typeof gradeOrganisationRequest>;
