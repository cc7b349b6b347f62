import { Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../../application/streams';
import { PointsTimers } from '../../timers/points-timers';
import { SETTLE_AFTER_MS, SETTLE_REDEMPTION } from '../redeem-reward/redemption-timers';

export interface CancelRedemptionCommand {
  readonly residentId: string;
  readonly redemptionId: string;
  readonly reason: string;
  readonly metadata: CommandMetadata;
}

/** Refunds the points of an unused redemption, then puts its item back (a timer finishes that should the process stop). */
@Injectable()
export class CancelRedemptionHandler {
  constructor(
    private readonly streams: Streams,
    private readonly timers: PointsTimers,
  ) {}

  async execute({ residentId, redemptionId, reason, metadata }: CancelRedemptionCommand): Promise<{ balance: number }> {
    const { state } = await this.streams.ledgerState(residentId);
    const rewardId = state.redemptions[redemptionId]?.rewardId;
    const timerId = `redemption-${redemptionId}-cancel`;
    if (rewardId) {
      await this.timers.scheduler.schedule(timerId, new Date(metadata.now.getTime() + SETTLE_AFTER_MS), SETTLE_REDEMPTION, {
        residentId,
        rewardId,
        redemptionId,
      });
    }
    const cancelled = await this.streams.ledger({ type: 'CancelRedemption', data: { residentId, redemptionId, reason } }, metadata);
    await this.streams.reward({ type: 'ReleaseStock', data: { rewardId: rewardId!, redemptionId, reason: 'redemption cancelled' } }, metadata);
    await this.timers.scheduler.cancel(timerId);
    return { balance: cancelled.state.balance };
  }
}
