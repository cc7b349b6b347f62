import { z } from 'zod';

/** A string field whose messages a form can show next to it. */
export const text = () =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'must be a string') });

export const requiredText = (max: number) => text().trim().min(1, 'required').max(max, `at most ${max} characters`);
