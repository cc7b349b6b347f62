import type { INestApplicationContext } from '@nestjs/common';
import { DepartmentDispatchRuntime } from '@gongzhi/department-dispatch';
import { VOTING_SCHEDULER } from '@gongzhi/deliberation';
import { GridEventsRuntime } from '@gongzhi/grid-events';
import type { DataSource } from 'typeorm';
import { ConsumerPosition, type ConsumerStateStore } from '@gongzhi/messaging';
import { type DurableScheduler, type EmbeddedPlatform } from '@gongzhi/runtime';
import type { MovableClock } from './demo-clock';

/**
 * Moves a running embedded platform through time the way real time would: before each step every consumer has
 * read its topics to the end (so the timers their events set are stored), then the clock goes to the next due
 * timer of any service, which fires, in order, until the target is reached.
 */
export class DemoTimeline {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly platform: () => EmbeddedPlatform,
    private readonly clock: MovableClock,
  ) {}

  /**
   * Waits until every consumer of the process has caught up with every store (policies may append more: again).
   * It looks again whenever a consumer commits (or after 10 ms at the latest), rather than sleeping between looks.
   */
  async settle(timeoutMs = 20_000): Promise<void> {
    const platform = this.platform();
    const started = Date.now();
    const heads = async () => {
      const byTopic = new Map<string, number>();
      for (const infrastructure of platform.infrastructure.values())
        byTopic.set(`log:${infrastructure.topic}`, await infrastructure.eventStore.headPosition());
      return byTopic;
    };
    const databases = [...platform.infrastructure.values(), ...platform.readModels.values()];
    for (;;) {
      const change = nextCommit(
        databases.map((database) => database.state),
        10,
      );
      try {
        const before = await heads();
        let behind = false;
        for (const { dataSource } of databases) {
          for (const row of await positionsIn(dataSource)) {
            const head = before.get(row.source);
            if (head !== undefined && Number(row.position) < head) behind = true;
          }
        }
        // Caught up only if nothing was appended while the positions were read (the heads are read again only then).
        if (!behind && [...(await heads())].every(([topic, head]) => before.get(topic) === head)) return;
        if (Date.now() - started > timeoutMs) return; // a stuck consumer dead-letters on its own; the demo goes on
        // Nothing else appends while the clock waits: a consumer's linger for more appends would only be waited out.
        if (behind) platform.bus.hurry();
        await change.happened;
      } finally {
        change.stop();
      }
    }
  }

  /**
   * Moves the clock to `target`, firing every due timer of every service in the order they fall due. With a
   * `stepMs`, timers falling due within one step of each other fire in one pass (still oldest first): the history
   * builder's shortcut over months, where the minute a deadline passed matters less than the hours between them.
   */
  async moveTo(target: Date, stepMs = 0): Promise<number> {
    let fired = 0;
    for (;;) {
      await this.settle();
      const due = await this.nextDueAt();
      if (due === null || due > target) break;
      const next = new Date(Math.min(target.getTime(), due.getTime() + stepMs));
      if (next > this.clock.now()) this.clock.set(next);
      for (const scheduler of this.schedulers()) fired += await scheduler.fireDue();
    }
    if (target > this.clock.now()) this.clock.set(target);
    for (const scheduler of this.schedulers()) fired += await scheduler.fireDue();
    await this.settle();
    return fired;
  }

  private async nextDueAt(): Promise<Date | null> {
    let next: string | null = null;
    for (const scheduler of this.schedulers()) {
      // A timer that keeps failing is left to the operator; it must not hold the clock.
      const timer = (await scheduler.pending()).find((pending) => pending.attempts < 10);
      if (timer && (next === null || timer.dueAt < next)) next = timer.dueAt;
    }
    return next === null ? null : new Date(next);
  }

  private schedulers(): DurableScheduler[] {
    const found: DurableScheduler[] = [];
    const lookups: Array<() => DurableScheduler> = [
      () => this.app.get(GridEventsRuntime, { strict: false }).scheduler,
      () => this.app.get(DepartmentDispatchRuntime, { strict: false }).scheduler,
      () => this.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false }),
    ];
    for (const lookup of lookups) {
      try {
        found.push(lookup());
      } catch {
        // a host without that service (a test app of a few services)
      }
    }
    return found;
  }
}

/**
 * Resolves shortly after any of the stores commits (`soonMs`, so a burst of commits by several consumers makes one
 * look, not one each), or after `ms` at the latest; `stop` lets go of the stores.
 */
function nextCommit(states: readonly ConsumerStateStore[], ms: number, soonMs = 2): { happened: Promise<void>; stop: () => void } {
  let stop = () => undefined as void;
  const happened = new Promise<void>((resolve) => {
    let timer = setTimeout(resolve, ms);
    let soon = false;
    const unsubscribe = states.map((state) =>
      state.onCommit(() => {
        if (soon) return;
        soon = true;
        clearTimeout(timer);
        timer = setTimeout(resolve, soonMs);
      }),
    );
    stop = () => {
      clearTimeout(timer);
      unsubscribe.forEach((off) => off());
    };
  });
  return { happened, stop };
}

/** Where each consumer of a database stands, in one plain query (the settle loop asks often). */
function positionsIn(dataSource: DataSource): Promise<Array<{ source: string; position: number | string }>> {
  const meta = dataSource.getMetadata(ConsumerPosition);
  const { driver } = dataSource;
  const column = (property: keyof ConsumerPosition) => driver.escape(meta.findColumnWithPropertyName(property)!.databaseName);
  return dataSource.query(`SELECT ${column('source')} AS source, ${column('position')} AS position FROM ${driver.escape(meta.tableName)}`);
}
