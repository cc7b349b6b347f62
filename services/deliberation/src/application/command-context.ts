import type { Caller } from '../domain/caller';

/** The caller of a timer: the deadline itself. */
export const DEADLINE_CALLER: Caller = { subject: 'deliberation-deadline', roles: ['system'], scope: {}, verification: 'verified' };
