import { TOPICS, publicEvents, type PublicEventData, type PublicEventType, type ServiceName } from '@gongzhi/contracts';
import type { EventStore, ManualClock } from '@gongzhi/eventsourcing';

export type Place = { gridId: string; communityId: string; streetId: string };
const SERVICE_OF: Record<string, ServiceName> = {};
for (const contract of publicEvents.contracts()) SERVICE_OF[contract.type] = contract.service;

/**
 * Appends contract-valid events of the services to their stores, as the services would, with the
 * test's clock as the time of each. Every event is checked against its contract first, so a spec cannot
 * feed the projectors something no service could publish.
 */
export class ScenarioEvents {
  /** One counter for every made-up id of the scenario, so no two events share one. */
  protected seq = 0;

  constructor(
    private readonly stores: Readonly<Record<string, EventStore>>,
    readonly clock: ManualClock,
  ) {}

  /** Moves the clock: `at({ minutes: 20 })`. */
  later(by: Parameters<ManualClock['advance']>[0]): this {
    this.clock.advance(by);
    return this;
  }

  async append<T extends PublicEventType>(type: T, streamId: string, data: PublicEventData<T>): Promise<void> {
    const schemaVersion = publicEvents.latestVersion(type)!;
    const occurredAt = this.clock.now().toISOString();
    const checked = publicEvents.parse({ eventId: `check-${++this.seq}`, type, schemaVersion, streamId, streamVersion: 1, occurredAt, data });
    if (checked.kind !== 'ok') throw new Error(`Scenario event ${type} breaks its contract: ${checked.kind === 'invalid' ? checked.reason : 'unknown type'}`);
    const store = this.stores[TOPICS[SERVICE_OF[type]]];
    await store.appendToStream(streamId, [{ type, schemaVersion, occurredAt, data }]);
  }
}

/** What a domain's steps build on (the shape TypeScript asks of a mixin's base). */
export type ScenarioConstructor = new (...args: any[]) => ScenarioEvents;
