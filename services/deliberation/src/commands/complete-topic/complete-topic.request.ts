import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const completeTopicRequest = z.object({ summary: text(2000), afterPhotoIds: z.array(id).max(20).default([]) });

export type CompleteTopicRequest = z.output<typeof completeTopicRequest>;
