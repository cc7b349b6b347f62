import { z } from 'zod';
import { text } from '../../request-fields';
import { MIN_PASSWORD_LENGTH } from '../register-resident/register-resident.request';

export const ChangePasswordRequestSchema = z
  .object({
    currentPassword: text().min(1, 'required').max(256, 'at most 256 characters'),
    newPassword: text().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(128, 'at most 128 characters'),
  })
  .refine((body) => body.newPassword !== body.currentPassword, { path: ['newPassword'], message: 'must differ from the current password' });
export type ChangePasswordRequest = z.output<typeof ChangePasswordRequestSchema>;
