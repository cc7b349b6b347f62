import { z } from 'zod';
import { id } from '../../http/request-fields';

export const castBudgetBallotRequest = z.object({ projectIds: z.array(id).min(1, 'approve at least one project').max(100) });

export type CastBudgetBallotRequest = z.output<typeof castBudgetBallotRequest>;
