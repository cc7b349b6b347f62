import { z } from 'zod';
import { eventEnvelopeSchema, type PublicEventEnvelope } from './envelope';
import { SERVICE_NAMES, type ServiceName } from './topics';

/** The schema of one version of one public event type. `schema` describes `data`. */
export interface EventContract<
  Service extends ServiceName = ServiceName,
  Type extends string = string,
  Version extends number = number,
  Schema extends z.ZodObject = z.ZodObject,
> {
  readonly service: Service;
  readonly type: Type;
  readonly version: Version;
  readonly summary: string;
  readonly schema: Schema;
}

/** Any contract, whatever its type parameters. */
export type AnyEventContract = EventContract<ServiceName, string, number, z.ZodObject>;

/** The event a consumer receives for a contract: the envelope with `data` as the schema outputs it. */
export type ContractEvent<C> =
  C extends EventContract<ServiceName, infer Type, infer Version, infer Schema>
    ? PublicEventEnvelope<Type, Version, z.output<Schema>>
    : never;

/** Turns the data of one version of a type into the data of a later version. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  up(data: Record<string, unknown>): unknown;
}

/** A problem found in an envelope or its data; `path` is dotted from the envelope (`data.location.lat`). */
export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/** What a consumer learns of a message. Structurally an `EventParser` result of `@gongzhi/messaging`. */
export type ContractParseResult<Event> =
  /** Valid, upcast to the latest version of its type. */
  | { readonly kind: 'ok'; readonly event: Event }
  /** A type this registry does not know (a newer producer, or a private event): skip it. */
  | { readonly kind: 'unknown'; readonly type: string; readonly schemaVersion: number }
  /** Breaks its contract: dead-letter it with `reason`; never drop it silently. */
  | { readonly kind: 'invalid'; readonly reason: string; readonly issues: readonly ContractIssue[] };

/** A contract set that contradicts itself: thrown at start-up, never while parsing messages. */
export class ContractDefinitionError extends Error {
  readonly code = 'CONTRACTS.INVALID_DEFINITION';
  constructor(message: string) {
    super(message);
    this.name = 'ContractDefinitionError';
  }
}

export function defineEvent<
  const Service extends ServiceName,
  const Type extends string,
  const Version extends number,
  Schema extends z.ZodObject,
>(definition: {
  service: Service;
  type: Type;
  version: Version;
  summary: string;
  schema: Schema;
}): EventContract<Service, Type, Version, Schema> {
  const { service, type, version } = definition;
  if (!SERVICE_NAMES.includes(service)) {
    throw new ContractDefinitionError(`${type}: unknown service '${service}' (one of ${SERVICE_NAMES.join(', ')})`);
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) {
    throw new ContractDefinitionError(`Event type '${type}' must be PascalCase, in the past tense (CaseReported)`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new ContractDefinitionError(`${type}: version must be a positive integer, got ${version}`);
  }
  return Object.freeze({ ...definition });
}

/**
 * An upcaster from one version of a type to a later one. Pass the two contracts as type arguments to
 * have `type`, the versions and `up` checked against them:
 * `defineUpcaster<typeof CaseReportedV1, typeof CaseReportedV2>({ … })`.
 */
export function defineUpcaster<
  From extends AnyEventContract = AnyEventContract,
  To extends AnyEventContract = AnyEventContract,
>(definition: {
  type: From['type'] & To['type'];
  fromVersion: From['version'];
  toVersion: To['version'];
  up(data: z.output<From['schema']>): z.input<To['schema']>;
}): Upcaster {
  if (!(definition.toVersion > definition.fromVersion)) {
    throw new ContractDefinitionError(
      `${definition.type}: an upcaster goes to a later version, not v${definition.fromVersion} → v${definition.toVersion}`,
    );
  }
  return Object.freeze({ ...definition, up: definition.up as Upcaster['up'] });
}

export interface ContractRegistryOptions<Current extends readonly AnyEventContract[]> {
  /** The latest version of every type; consumers receive events in these shapes. */
  readonly current: Current;
  /** Older versions still found in the stores' history, each read through `upcasters`. */
  readonly superseded?: readonly AnyEventContract[];
  readonly upcasters?: readonly Upcaster[];
}

const key = (type: string, version: number) => `${type}@${version}`;

/**
 * Validates public events against their contracts and upcasts old versions to the latest one.
 * Consumers narrow `event.data` by `event.type`:
 * `if (result.kind === 'ok' && result.event.type === 'CaseReported') result.event.data.location`.
 */
export class ContractRegistry<Current extends readonly AnyEventContract[] = readonly AnyEventContract[]> {
  private readonly byVersion = new Map<string, AnyEventContract>();
  private readonly latest = new Map<string, AnyEventContract>();
  private readonly upcasterFrom = new Map<string, Upcaster>();
  private readonly listing: readonly AnyEventContract[];
  private readonly parsedShared = new WeakMap<object, ContractParseResult<ContractEvent<Current[number]>>>();

  constructor(options: ContractRegistryOptions<Current>) {
    const superseded = options.superseded ?? [];
    const upcasters = options.upcasters ?? [];

    for (const contract of [...options.current, ...superseded]) {
      if (this.byVersion.has(key(contract.type, contract.version))) {
        throw new ContractDefinitionError(`${contract.type} v${contract.version} is defined twice`);
      }
      this.byVersion.set(key(contract.type, contract.version), contract);
    }
    for (const contract of options.current) {
      if (this.latest.has(contract.type)) {
        throw new ContractDefinitionError(`${contract.type} has two current versions; supersede the older one`);
      }
      this.latest.set(contract.type, contract);
    }
    for (const old of superseded) {
      const latest = this.latest.get(old.type);
      if (!latest) throw new ContractDefinitionError(`${old.type} v${old.version} is superseded, but no current version exists`);
      if (old.version >= latest.version) {
        throw new ContractDefinitionError(`${old.type} v${old.version} is superseded by an earlier v${latest.version}`);
      }
      if (old.service !== latest.service) {
        throw new ContractDefinitionError(`${old.type} moved from ${old.service} to ${latest.service}; a type belongs to one service`);
      }
    }
    for (const upcaster of upcasters) {
      const name = `upcaster ${upcaster.type} v${upcaster.fromVersion} → v${upcaster.toVersion}`;
      const from = this.byVersion.get(key(upcaster.type, upcaster.fromVersion));
      if (!from || from === this.latest.get(upcaster.type)) {
        throw new ContractDefinitionError(`${name}: v${upcaster.fromVersion} is not a superseded version of ${upcaster.type}`);
      }
      if (!this.byVersion.has(key(upcaster.type, upcaster.toVersion))) {
        throw new ContractDefinitionError(`${name}: v${upcaster.toVersion} of ${upcaster.type} is not defined`);
      }
      if (this.upcasterFrom.has(key(upcaster.type, upcaster.fromVersion))) {
        throw new ContractDefinitionError(`${name}: ${upcaster.type} v${upcaster.fromVersion} already has an upcaster`);
      }
      this.upcasterFrom.set(key(upcaster.type, upcaster.fromVersion), upcaster);
    }
    // Every upcaster goes to a defined, later version, so one per superseded version makes a chain to the latest.
    for (const old of superseded) {
      if (!this.upcasterFrom.has(key(old.type, old.version))) {
        throw new ContractDefinitionError(`${old.type} v${old.version} has no upcaster, so old events of it could not be read`);
      }
    }

    this.listing = Object.freeze(
      options.current.flatMap((current) => [
        current,
        ...superseded.filter((old) => old.type === current.type).sort((a, b) => b.version - a.version),
      ]),
    );
  }

  /** Every contract: each current one followed by its superseded versions, newest first. */
  contracts(): readonly AnyEventContract[] {
    return this.listing;
  }

  /** Every upcaster, in the order of `contracts()`. */
  upcasters(): readonly Upcaster[] {
    return this.listing.flatMap((c) => this.upcasterFrom.get(key(c.type, c.version)) ?? []);
  }

  latestVersion(type: string): number | undefined {
    return this.latest.get(type)?.version;
  }

  contract(type: string, version = this.latestVersion(type)): AnyEventContract | undefined {
    return version === undefined ? undefined : this.byVersion.get(key(type, version));
  }

  /**
   * Parses an envelope. A frozen one (the embedded store hands the same frozen event to every consumer that tails
   * it) is parsed once per registry; its result is frozen in turn and handed to every consumer that asks again.
   */
  parse(envelope: unknown): ContractParseResult<ContractEvent<Current[number]>> {
    if (envelope === null || typeof envelope !== 'object' || !Object.isFrozen(envelope)) return this.parseOnce(envelope);
    const known = this.parsedShared.get(envelope);
    if (known) return known;
    const parsed = deepFreeze(this.parseOnce(envelope));
    this.parsedShared.set(envelope, parsed);
    return parsed;
  }

  private parseOnce(envelope: unknown): ContractParseResult<ContractEvent<Current[number]>> {
    const checked = eventEnvelopeSchema.safeParse(envelope);
    if (!checked.success) {
      return invalid('The message is not a valid event envelope', checked.error.issues);
    }
    const { type, schemaVersion } = checked.data;
    const latest = this.latest.get(type);
    if (!latest) return { kind: 'unknown', type, schemaVersion };

    const contract = this.byVersion.get(key(type, schemaVersion));
    if (!contract) {
      const why =
        schemaVersion > latest.version
          ? `is newer than the latest this consumer knows (v${latest.version}): upgrade @gongzhi/contracts and replay it`
          : `was never defined (known: ${this.versionsOf(type).join(', ')})`;
      return invalid(`${type} v${schemaVersion} ${why}`, [{ path: ['schemaVersion'], message: why }]);
    }

    const result = contract.schema.safeParse(checked.data.data);
    if (!result.success) {
      return invalid(`${type} v${schemaVersion} data does not match its contract`, result.error.issues, ['data']);
    }
    let data: unknown = result.data;
    let version = schemaVersion;
    while (version < latest.version) {
      const upcaster = this.upcasterFrom.get(key(type, version))!;
      const step = `upcasting ${type} v${version} → v${upcaster.toVersion}`;
      let upcast: unknown;
      try {
        upcast = upcaster.up(data as Record<string, unknown>);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return invalid(`${step} failed: ${message}`, [{ path: ['data'], message }]);
      }
      const next = this.byVersion.get(key(type, upcaster.toVersion))!.schema.safeParse(upcast);
      if (!next.success) return invalid(`${step} gave data that breaks v${upcaster.toVersion}`, next.error.issues, ['data']);
      data = next.data;
      version = upcaster.toVersion;
    }

    const event = { ...checked.data, schemaVersion: version, data } as unknown as ContractEvent<Current[number]>;
    return { kind: 'ok', event };
  }

  private versionsOf(type: string): string[] {
    return this.listing.filter((c) => c.type === type).map((c) => `v${c.version}`);
  }
}

type RawIssue = { readonly path: readonly PropertyKey[]; readonly message: string };

function invalid(
  what: string,
  rawIssues: readonly RawIssue[],
  prefix: readonly PropertyKey[] = [],
): { kind: 'invalid'; reason: string; issues: ContractIssue[] } {
  const issues = rawIssues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(envelope)',
    // Zod says "expected string, received undefined" for a missing field; a reader thinks "required".
    message: /received undefined$/.test(issue.message) ? 'is required' : issue.message.replace(/^Invalid input: /, ''),
  }));
  return { kind: 'invalid', reason: `${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for…in rather than Object.values: no array of the values per object (two objects or more per event in a replay).
    for (const key in value) if (Object.hasOwn(value, key)) deepFreeze(value[key]);
  }
  return value;
}
