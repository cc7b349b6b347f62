import { tailLog, type EventStore, type RecordedEvent, type Subscription } from '@gongzhi/eventsourcing';
import { fromParseResult, handleBatch } from './batch-handler';
import type { ConsumerDefinition, EventBus, RunningConsumer, StartConsumerOptions } from './consumer-definition';

export interface InProcessEventBusOptions {
  /** Each topic is the global log of the store of the service that owns it. */
  readonly topics: Readonly<Record<string, EventStore>>;
  readonly batchSize?: number;
  readonly idleDelayMs?: number;
  /** Longest wait between two polls of an idle log whose store wakes its tails on append; 1 s by default. */
  readonly maxIdleDelayMs?: number;
  /** How long a woken consumer gathers appends before it applies them in one transaction; 10 ms by default. */
  readonly wakeLingerMs?: number;
  /** The longest linger of a consumer whose appends keep coming, which gathers more of them per transaction; 100 ms by default. */
  readonly maxWakeLingerMs?: number;
  /**
   * How many pages a consumer replaying a topic may read ahead of the slowest that began with it (see `ReplayPack`);
   * 8 by default.
   */
  readonly replayWindowPages?: number;
}

/**
 * The embedded default's bus, with Kafka's guarantees and none of its moving parts: each consumer tails
 * the stores' global logs from its own position, which it saves in the transaction that applies the
 * events. Invalid events are dead-lettered to the consumer's database.
 */
export class InProcessEventBus implements EventBus {
  private readonly tails = new Set<Subscription>();
  /** Per topic, the pack that consumers starting from a position may still join (keyed `position`). */
  private readonly packs = new Map<string, Map<number, ReplayPack>>();

  constructor(private readonly options: InProcessEventBusOptions) {}

  /**
   * Has every consumer woken by an append read its logs now rather than after its linger for more appends: for a
   * caller that waits for the consumers to catch up while nothing else appends (the demo clock).
   */
  hurry(): void {
    this.tails.forEach((tail) => tail.hurry());
  }

  async start<Event extends { readonly eventId: string; readonly recordedAt?: string }>(
    definition: ConsumerDefinition<Event>,
    options: StartConsumerOptions,
  ): Promise<RunningConsumer> {
    const subscriptions: Subscription[] = [];
    const members: PackMember[] = [];
    let running = true;
    for (const topic of definition.topics) {
      const store = this.options.topics[topic];
      if (!store) throw new Error(`No event store serves topic ${topic} in this process`);
      const source = `log:${topic}`;
      const after = (await options.state.position(definition.name, source)) ?? 0;
      const member = this.packFor(topic, after).join();
      const batchSize = this.options.batchSize ?? 500;
      const subscription = tailLog({
        after,
        batchSize,
        read: async (from, limit) => {
          await member.beforeRead(from);
          const events = await store.readAll({ after: from, limit });
          member.afterRead(events.length === limit);
          return events;
        },
        wakeOn: store.onAppended && ((listener) => store.onAppended!(listener)),
        idleDelayMs: this.options.idleDelayMs ?? 50,
        // Local appends wake the tail, so polling an idle log often only finds nothing; a store that cannot
        // wake it is polled at the idle delay, as before.
        maxIdleDelayMs: store.onAppended ? (this.options.maxIdleDelayMs ?? 1_000) : undefined,
        wakeLingerMs: this.options.wakeLingerMs ?? 10,
        maxWakeLingerMs: this.options.maxWakeLingerMs ?? 100,
        onError: options.onError,
        onEvents: async (events) => {
          const items = events.map((event) => fromParseResult(definition.parser.parse(event), event));
          const last = events[events.length - 1];
          await handleBatch(
            definition,
            options,
            items,
            {
              send: (event: RecordedEvent, reason) =>
                options.state.deadLetter({
                  consumer: definition.name,
                  source,
                  eventId: event.eventId,
                  reason,
                  payload: JSON.stringify(event),
                }),
            },
            { source, value: last.globalPosition },
            { isRunning: () => running },
          );
          const head = await store.headPosition();
          options.onProgress?.({ source, lagEvents: Math.max(0, head - last.globalPosition), lastRecordedAt: last.recordedAt });
        },
      });
      subscriptions.push(subscription);
      members.push(member);
      this.tails.add(subscription);
    }
    const tails = this.tails;
    return {
      async stop() {
        running = false;
        members.forEach((member) => member.leave()); // a tail waiting for the others reads at once, and they no longer wait for it
        await Promise.all(subscriptions.map((s) => s.stop()));
        subscriptions.forEach((s) => tails.delete(s));
      },
    };
  }

  /** The pack a consumer starting at `after` joins: the open one of the topic, or a new one. */
  private packFor(topic: string, after: number): ReplayPack {
    let byStart = this.packs.get(topic);
    if (!byStart) this.packs.set(topic, (byStart = new Map()));
    const open = byStart.get(after);
    if (open?.open()) return open;
    const pack = new ReplayPack(this.options.replayWindowPages ?? 8, () => byStart.get(after) === pack && byStart.delete(after));
    byStart.set(after, pack);
    return pack;
  }
}

/** A consumer's place in its `ReplayPack`. */
export interface PackMember {
  /** Before the tail reads the page after `from`: waits while the consumer is too far ahead of the pack. */
  beforeRead(from: number): Promise<void>;
  /** After the read; a page that was not full means the consumer reached the head of the log. */
  afterRead(full: boolean): void;
  leave(): void;
}

/** How long a consumer that reads nothing (stuck on a failing batch, its database away) may hold the others back. */
const STALLED_AFTER_MS = 2_000;

/**
 * Consumers of one topic that began reading it from the same position at about the same time: the projectors of a
 * rebuild, which all start from the beginning. They ask for the same pages, and a store that keeps its latest pages
 * (PostgreSQL's keeps 64) reads, converts and freezes each once, and the contracts parse each event once, for all of
 * them. But a light projector soon drew ahead of a heavy one by more pages than are kept, after which each read the
 * log on its own. So while they catch up (their pages come full), none reads more than `window` pages ahead of the
 * slowest: it waits until that one has asked for the page it itself asked for `window` reads ago. A consumer at the
 * head of the log, one that has read nothing for 2 s, and one that has left hold no one back. Only consumers that
 * join before any of the pack has read `window` pages join it; a later one starts a pack of its own.
 */
class ReplayPack {
  private readonly members = new Set<Member>();
  private readonly waiting = new Set<() => void>();
  private pagesRead = 0;

  constructor(
    private readonly window: number,
    private readonly onEmpty: () => void,
  ) {}

  /** Whether a consumer starting now would still read the pages the pack reads. */
  open(): boolean {
    return this.pagesRead < this.window;
  }

  join(): PackMember {
    const member: Member = { asked: [], reading: Number.NEGATIVE_INFINITY, catchingUp: true, lastReadAt: Date.now(), pages: 0 };
    this.members.add(member);
    return {
      beforeRead: async (from) => {
        member.asked.push(from);
        if (member.asked.length > this.window) member.asked.shift();
        while (this.members.has(member) && member.catchingUp && this.tooFarAhead(member)) await this.nextChange();
        member.reading = from;
        member.lastReadAt = Date.now();
        this.changed();
      },
      afterRead: (full) => {
        member.catchingUp = full;
        member.lastReadAt = Date.now();
        this.pagesRead = Math.max(this.pagesRead, ++member.pages);
        this.changed();
      },
      leave: () => {
        if (!this.members.delete(member)) return;
        this.changed();
        if (this.members.size === 0) this.onEmpty();
      },
    };
  }

  /** Another member, still catching up and not stalled, has not yet asked for the page this one asked for `window` reads ago. */
  private tooFarAhead(member: Member): boolean {
    if (member.asked.length < this.window) return false;
    const mark = member.asked[0];
    const now = Date.now();
    for (const other of this.members) {
      if (other !== member && other.catchingUp && other.reading < mark && now - other.lastReadAt < STALLED_AFTER_MS) return true;
    }
    return false;
  }

  /** Resolves when a member reads or leaves, or after the time a member may stall. */
  private nextChange(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, STALLED_AFTER_MS);
      const waiting = this.waiting;
      waiting.add(done);
      function done() {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      }
    });
  }

  private changed(): void {
    [...this.waiting].forEach((wake) => wake());
  }
}

interface Member {
  /** The positions the member's latest reads (up to `window`) began after, oldest first. */
  readonly asked: number[];
  /** Where its latest read began. */
  reading: number;
  catchingUp: boolean;
  lastReadAt: number;
  pages: number;
}
