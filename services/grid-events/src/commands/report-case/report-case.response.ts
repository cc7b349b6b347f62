import { z } from 'zod';
import { duplicatesAnswer } from '../../queries/cases/cases.response';
import { bilingualName } from '../../reference-data/reference-data.schema';

/** `POST /api/cases` (201): the new case, the reporter's first feedback, and open cases nearby that may be the same. */
export const reportedCaseAnswer = z.object({
  caseId: z.string(),
  status: z.literal('Reported'),
  gridId: z.string(),
  message: bilingualName.describe('已收到，正在处理: the feedback the reporter reads at once.'),
  possibleDuplicates: duplicatesAnswer.shape.duplicates,
});
