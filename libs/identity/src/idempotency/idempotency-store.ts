/** What a command answered the first time, kept to answer a repeat of its key the same way. */
export interface IdempotentAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

/**
 * What claiming a key found: the key was free and is now this request's (`claimed`, with the token that
 * completes or releases it), the first request's answer (`replay`), the key used for another request
 * (`mismatch`), or the first request still running (`in-progress`).
 */
export type IdempotencyClaim =
  | { readonly kind: 'claimed'; readonly token: string }
  | { readonly kind: 'replay'; readonly answer: IdempotentAnswer }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

/**
 * Keys a caller chose for its commands, each scoped to that caller: one caller's key never reaches another's
 * answer. The claim is made in the store before the command runs, so two requests racing with one key run
 * the command once.
 */
export interface IdempotencyStore {
  claim(caller: string, key: string, fingerprint: string): Promise<IdempotencyClaim>;
  /** Keeps the answer of the command that ran under the claim, for the documented window. */
  complete(caller: string, key: string, token: string, answer: IdempotentAnswer): Promise<void>;
  /** Frees the key of a command that was refused or failed: it changed nothing, so a repeat may run it. */
  release(caller: string, key: string, token: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
