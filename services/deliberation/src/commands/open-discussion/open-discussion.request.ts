import { z } from 'zod';
import { timestamp } from '../../http/request-fields';

export const openDiscussionRequest = z.object({ meetingAt: timestamp.nullable().default(null) });

export type OpenDiscussionRequest = z.output<typeof openDiscussionRequest>;
