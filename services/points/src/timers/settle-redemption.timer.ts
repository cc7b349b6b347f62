import { ownValue } from '@gongzhi/contracts';
import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import type { Clock } from '@gongzhi/eventsourcing';
import type { TimerHandler } from '@gongzhi/runtime';
import type { Streams } from '../application/streams';

export const SETTLE_REDEMPTION = 'points.settle-redemption';
/** How long a held item may wait for its debit before the timer gives it back. */
export const SETTLE_AFTER_MS = 10 * 60_000;

export interface SettleRedemption {
  readonly residentId: string;
  readonly rewardId: string;
  readonly redemptionId: string;
}

/**
 * A redemption holds stock first and debits points second. Should the process stop in between, or
 * after a cancellation refunded the points but before the item went back, this timer settles it: an
 * item held for a redemption the ledger does not show as live goes back to stock (release is idempotent).
 */
export function settleRedemptionTimer(streams: Streams, clock: Clock): TimerHandler {
  return async (payload) => {
    const { residentId, rewardId, redemptionId } = payload as SettleRedemption;
    const { state } = await streams.ledgerState(residentId);
    const status = ownValue(state.redemptions, redemptionId)?.status;
    if (status === 'issued' || status === 'used') return;
    await streams.reward(
      {
        type: 'ReleaseStock',
        data: { rewardId, redemptionId, reason: status === 'cancelled' ? 'redemption cancelled' : 'points were never debited' },
      },
      { actor: SYSTEM_ACTOR, now: clock.now() },
    );
  };
}
