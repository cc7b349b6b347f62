import { z } from 'zod';
import { text } from '../../http/request-fields';

export const completeCommitmentRequest = z.object({ note: text(2000) });

export type CompleteCommitmentRequest = z.output<typeof completeCommitmentRequest>;
