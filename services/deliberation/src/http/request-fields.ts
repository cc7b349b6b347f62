import { z } from 'zod';

// The fields every deliberation request is built of, so a title or an id is checked the same way everywhere.
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const id = z.string().trim().min(1).max(100);
export const timestamp = z.iso.datetime({ offset: true });
