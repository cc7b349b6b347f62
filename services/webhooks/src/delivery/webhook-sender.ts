import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import type { Clock } from '@gongzhi/eventsourcing';
import { WebhookAttempt, WebhookDelivery, WebhookSubscription, type AttemptOutcome } from '../webhook.entities';
import { nextAttemptDelaySeconds } from './backoff';
import { webhookHeaders } from './webhook-signature';

export interface WebhookSenderOptions {
  readonly dataSource: DataSource;
  readonly clock: Clock;
  /** Longest wait for a receiver's answer; 5 s by default. */
  readonly timeoutMs?: number;
  /** How often due deliveries are looked for; 1 s by default. */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

interface AttemptResult {
  readonly outcome: AttemptOutcome;
  readonly statusCode: number | null;
  readonly error: string | null;
}

const BATCH = 100;
/**
 * How long a sender holds a delivery it is posting. Another sender (a second replica, or this one after a
 * crash) may take it once the lease is over, so it must outlast the timeout.
 */
const LEASE_MS = 60_000;

/**
 * Posts the deliveries that are due (by the injected clock) to active subscriptions. A 2xx delivers; 410 Gone
 * pauses the subscription (the delivery waits for a resume); anything else, a redirect, a timeout or a
 * refused connection is a failed attempt, retried after the backoff and dead-lettered after the bound.
 */
export class WebhookSender {
  private timer?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);
  private stopped = true;

  constructor(private readonly options: WebhookSenderOptions) {}

  /** Sends everything due now; resolves with the number of attempts made. One pass runs at a time. */
  sendDue(): Promise<number> {
    this.running = this.running.then(
      () => this.pass(),
      () => this.pass(),
    );
    return this.running;
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.sendDue()
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs ?? 1_000);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running.catch(() => undefined);
  }

  private async pass(): Promise<number> {
    const { dataSource, clock } = this.options;
    const due = await dataSource.getRepository(WebhookDelivery).find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(clock.now().toISOString()) },
      order: { nextAttemptAt: 'ASC', position: 'ASC' },
      take: BATCH,
    });
    if (due.length === 0) return 0;
    const subscriptions = await dataSource.getRepository(WebhookSubscription).findBy({
      id: In([...new Set(due.map((d) => d.subscriptionId))]),
    });
    const active = new Map(subscriptions.filter((s) => s.status === 'active').map((s) => [s.id, s]));
    const bySubscription = new Map<string, WebhookDelivery[]>();
    for (const delivery of due) {
      if (!active.has(delivery.subscriptionId)) continue;
      bySubscription.set(delivery.subscriptionId, [...(bySubscription.get(delivery.subscriptionId) ?? []), delivery]);
    }
    // One receiver at a time per subscription (a paused one stops the rest of its queue), receivers side by side.
    const counts = await Promise.all(
      [...bySubscription].map(async ([id, deliveries]) => {
        let attempts = 0;
        for (const delivery of deliveries) {
          const result = await this.attempt(active.get(id)!, delivery);
          if (result) attempts++;
          if (result?.outcome === 'gone') break;
        }
        return attempts;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  private async attempt(subscription: WebhookSubscription, delivery: WebhookDelivery): Promise<AttemptResult | undefined> {
    const { dataSource, clock } = this.options;
    const at = clock.now();
    // Claim it first: only the sender whose update finds the row as it read it posts it.
    const claimed = await dataSource
      .getRepository(WebhookDelivery)
      .update(
        { id: delivery.id, status: 'pending', nextAttemptAt: delivery.nextAttemptAt ?? undefined },
        { nextAttemptAt: new Date(at.getTime() + LEASE_MS).toISOString() },
      );
    if (claimed.affected !== 1) return undefined;
    const result = await this.post(subscription, delivery, at);
    const attemptAt = at.toISOString();
    await dataSource.transaction(async (manager) => {
      await manager.insert(WebhookAttempt, {
        deliveryId: delivery.id,
        outcome: result.outcome,
        statusCode: result.statusCode,
        error: result.error,
        at: attemptAt,
      });
      const last = { lastStatusCode: result.statusCode, lastError: result.error, lastAttemptAt: attemptAt };
      switch (result.outcome) {
        case 'delivered':
          await manager.update(
            WebhookDelivery,
            { id: delivery.id },
            { ...last, status: 'delivered', attempts: delivery.attempts + 1, nextAttemptAt: null, deliveredAt: attemptAt },
          );
          return;
        case 'gone': {
          // The receiver says it is gone for good: stop sending until an admin resumes; this event stays owed.
          await manager.update(WebhookDelivery, { id: delivery.id }, { ...last, nextAttemptAt: attemptAt });
          const reason = `the receiver answered 410 Gone at ${attemptAt}`;
          await manager.update(WebhookSubscription, { id: subscription.id }, { status: 'paused', pausedReason: reason });
          return;
        }
        case 'failed': {
          const attempts = delivery.attempts + 1;
          const delay = nextAttemptDelaySeconds(attempts);
          await manager.update(
            WebhookDelivery,
            { id: delivery.id },
            delay === null
              ? { ...last, attempts, status: 'dead', nextAttemptAt: null }
              : { ...last, attempts, nextAttemptAt: new Date(at.getTime() + delay * 1000).toISOString() },
          );
          return;
        }
        default: {
          const never: never = result.outcome;
          throw new Error(`unknown outcome ${String(never)}`);
        }
      }
    });
    return result;
  }

  private async post(subscription: WebhookSubscription, delivery: WebhookDelivery, at: Date): Promise<AttemptResult> {
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        headers: webhookHeaders(subscription.secret, delivery.eventId, at, delivery.body),
        body: delivery.body,
        // A redirect could send the signed event somewhere the admin never approved: it is a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel().catch(() => undefined);
      const statusCode = response.status;
      if (statusCode >= 200 && statusCode < 300) return { outcome: 'delivered', statusCode, error: null };
      if (statusCode === 410) return { outcome: 'gone', statusCode, error: 'Gone' };
      const error =
        statusCode >= 300 && statusCode < 400
          ? `redirect to ${response.headers.get('location') ?? '?'} not followed`
          : `HTTP ${statusCode}`;
      return { outcome: 'failed', statusCode, error };
    } catch (error) {
      const name = (error as Error)?.name;
      const message = name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs ?? 5_000} ms` : describe(error);
      return { outcome: 'failed', statusCode: null, error: message };
    }
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base}: ${cause.code}` : cause?.message ? `${base}: ${cause.message}` : base;
}
