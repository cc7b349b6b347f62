import type { Caller } from '../domain/caller';

/** The caller of a timer: the deadline itself. */
export const DEADLINE_CALLER: Caller = { subject: 'deliberation-deadline', roles: ['system'], scope: {}, verification: 'verified' };

// Written once in @gongzhi/identity. Re-exported under the old name only while layout-deliberation moves its
// callers; the lead renames them to commandMetadataFor after merging, then this line goes.
export { commandMetadataFor as metadataFor } from '@gongzhi/identity';
