/**
 * How long a kept answer is given back for a repeated key (from the injected clock). A device that queued a
 * report offline sends it within a day or throws it away; a day also bounds the table.
 */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * How long a claim without an answer holds its key. A command answers in seconds; a claim older than this
 * was left by a process that stopped mid-command, and the key is given to the next repeat.
 */
export const IDEMPOTENCY_CLAIM_SECONDS = 120;
