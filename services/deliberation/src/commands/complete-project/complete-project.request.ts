import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const completeProjectRequest = z.object({ summary: text(2000), afterPhotoIds: z.array(id).max(20).default([]) });

export type CompleteProjectRequest = z.output<typeof completeProjectRequest>;
