import { z } from 'zod';
import { requiredText } from '../../request-fields';

export const RefreshSessionRequestSchema = z.object({ refreshToken: requiredText(200) });
export type RefreshSessionRequest = z.output<typeof RefreshSessionRequestSchema>;
