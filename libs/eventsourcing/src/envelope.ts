/** Who caused a command and, through it, the events it produced. */
export interface Actor {
  readonly id: string;
  readonly kind: 'user' | 'system' | 'service';
  readonly roles?: readonly string[];
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', kind: 'system' });

/** Who acts for a resident who reports anonymously: the envelope of every public event names an actor, never them. */
export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous', kind: 'user', roles: Object.freeze(['resident']) });

/** A domain event as a decider emits it: plain, readonly, serialisable data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Defaults to 1; bump it when the shape of `data` changes and add an upcaster. */
  readonly schemaVersion?: number;
}

/** What is handed to `EventStore.appendToStream`: a domain event plus its envelope fields. */
export interface NewEvent<Type extends string = string, Data = unknown> extends DomainEvent<Type, Data> {
  /** UUID v7; generated when absent. Appending the same id twice writes it once. */
  readonly eventId?: string;
  readonly occurredAt?: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly actor?: Actor | null;
}

/** An event as the store recorded it: the envelope of DESIGN.md. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  /**
   * Position in the store's global log. Strictly increasing in the order `readAll` returns events,
   * and never preceded later by a lower position (no event appears behind a reader's checkpoint).
   * Positions may be sparse.
   */
  readonly globalPosition: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly data: Data;
}
