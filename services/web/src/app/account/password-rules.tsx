import type { MessageKey } from '../i18n';

// The server's rules (libs/identity register-resident.request.ts), checked in the form so the reader
// learns them in their own words before sending; the server checks them again.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/;
export const PHONE_PATTERN = /^(\+86)?1[3-9]\d{9}$/;

export function passwordProblem(password: string, t: (key: MessageKey) => string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return t('passwordTooShort');
  if (password.length > MAX_PASSWORD_LENGTH) return t('passwordTooLong');
  return null;
}
