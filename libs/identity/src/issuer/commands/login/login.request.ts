import { z } from 'zod';
import { requiredText, text } from '../../request-fields';

export const LoginRequestSchema = z.object({
  username: requiredText(64),
  password: text().min(1, 'required').max(256, 'at most 256 characters'),
});
export type LoginRequest = z.output<typeof LoginRequestSchema>;
