import { describeExpectedVersion, type ExpectedVersion } from './expected-version';

/**
 * An expected failure with a stable string code (`CASE.ALREADY_CLOSED`) that survives a process
 * boundary. Controllers turn codes into HTTP statuses; the domain never does.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class WrongExpectedVersionError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
      `Stream ${streamId} was expected at ${describeExpectedVersion(expected)} but is at version ${actual}`,
      { streamId, expected, actual },
    );
  }
}

/** A command kept colliding with concurrent writers after its retries ran out (HTTP 409). */
export class ConcurrencyConflictError extends DomainError {
  constructor(
    readonly streamId: string,
    attempts: number,
  ) {
    super('COMMAND.CONCURRENCY_CONFLICT', `Stream ${streamId} kept changing underneath the command; gave up after ${attempts} attempts`, {
      streamId,
      attempts,
    });
  }
}

export class InvalidEventError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('EVENTSTORE.INVALID_EVENT', message, details);
  }
}

/** Some, but not all, events of one append were stored before: an append is atomic, so this is a caller bug. */
export class PartialDuplicateAppendError extends DomainError {
  constructor(
    readonly streamId: string,
    duplicateEventIds: readonly string[],
  ) {
    super(
      'EVENTSTORE.PARTIAL_DUPLICATE',
      `Some events of this append to ${streamId} were already stored (${duplicateEventIds.join(', ')}); an append is all or nothing`,
      { streamId, duplicateEventIds },
    );
  }
}

/** The store's server cannot be reached; the message names the address. */
export class StoreUnavailableError extends Error {
  readonly code = 'EVENTSTORE.UNAVAILABLE';
  constructor(
    readonly address: string,
    cause: unknown,
  ) {
    super(`Event store at ${address} is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}
