import { z } from 'zod';
import { requiredText, text } from '../../request-fields';

export const MIN_PASSWORD_LENGTH = 8;

export const RegisterResidentRequestSchema = z.object({
  username: text()
    .trim()
    .min(3, 'at least 3 characters')
    .max(32, 'at most 32 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - only, starting with a letter or digit'),
  password: text().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(128, 'at most 128 characters'),
  displayName: requiredText(50),
  communityId: requiredText(64),
  gridId: requiredText(64),
  /** Mainland mobile number, optionally with +86. */
  phone: text()
    .trim()
    .regex(/^(\+86)?1[3-9]\d{9}$/, 'an 11-digit mobile number, e.g. 13800138000')
    .optional(),
});
export type RegisterResidentRequest = z.output<typeof RegisterResidentRequestSchema>;
