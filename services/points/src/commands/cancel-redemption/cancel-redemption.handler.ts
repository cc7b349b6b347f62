import { ownValue } from '@gongzhi/contracts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { PointsTimers } from '../../timers/points-timers';
import { SETTLE_AFTER_MS, SETTLE_REDEMPTION } from '../../timers/settle-redemption.timer';
import { CancelRedemption } from './cancel-redemption.command';

/** Refunds the points of an unused redemption, then puts its item back (a timer finishes that should the process stop). */
@CommandHandler(CancelRedemption)
export class CancelRedemptionHandler implements ICommandHandler<CancelRedemption, { balance: number }> {
  constructor(
    private readonly streams: Streams,
    private readonly timers: PointsTimers,
  ) {}

  async execute({ data: { principal, redemptionId, reason } }: CancelRedemption): Promise<{ balance: number }> {
    const residentId = principal.subject;
    const metadata = commandMetadataFor(principal, this.streams.now());
    const { state } = await this.streams.ledgerState(residentId);
    const rewardId = ownValue(state.redemptions, redemptionId)?.rewardId;
    const timerId = `redemption-${redemptionId}-cancel`;
    if (rewardId) {
      await this.timers.scheduler.schedule(timerId, new Date(metadata.now.getTime() + SETTLE_AFTER_MS), SETTLE_REDEMPTION, {
        residentId,
        rewardId,
        redemptionId,
      });
    }
    const cancelled = await this.streams.ledger({ type: 'CancelRedemption', data: { residentId, redemptionId, reason } }, metadata);
    await this.streams.reward(
      { type: 'ReleaseStock', data: { rewardId: rewardId!, redemptionId, reason: 'redemption cancelled' } },
      metadata,
    );
    await this.timers.scheduler.cancel(timerId);
    return { balance: cancelled.state.balance };
  }
}
