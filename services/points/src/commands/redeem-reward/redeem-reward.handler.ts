import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import type { PointsSettings } from '../../config/load-points-config';
import { POINTS_SETTINGS } from '../../application/points-settings.token';
import { Streams } from '../../application/streams';
import { voucherCode } from '../../application/voucher';
import { PointsTimers } from '../../timers/points-timers';
import { RedeemReward } from './redeem-reward.command';
import { SETTLE_AFTER_MS, SETTLE_REDEMPTION } from '../../timers/settle-redemption.timer';

export interface RedemptionView {
  readonly redemptionId: string;
  readonly rewardId: string;
  readonly rewardName: string;
  readonly points: number;
  readonly voucherCode: string;
  readonly balance: number;
}

/**
 * A redemption spans two aggregates: the reward's stock and the resident's balance. It holds an item
 * first (the stock never goes below zero), then debits the points (the balance never does either); when
 * the debit is refused the item goes back at once, and a durable timer gives it back should the process
 * stop in between. Requests that cannot succeed (no points, no stock) are refused before anything is stored.
 */
@CommandHandler(RedeemReward)
export class RedeemRewardHandler implements ICommandHandler<RedeemReward, RedemptionView> {
  constructor(
    private readonly streams: Streams,
    private readonly timers: PointsTimers,
    @Inject(POINTS_SETTINGS) private readonly settings: PointsSettings,
  ) {}

  async execute({ data: { principal, rewardId } }: RedeemReward): Promise<RedemptionView> {
    const residentId = principal.subject;
    const metadata = commandMetadataFor(principal, this.streams.now());
    const reward = await this.streams.rewardState(rewardId);
    if (reward.status === 'Unlisted') throw new DomainError('REWARD.NOT_FOUND', `No reward ${rewardId}`, { field: 'rewardId' });
    if (reward.stock < 1) throw new DomainError('REWARD.OUT_OF_STOCK', `${reward.name} is out of stock`, { field: 'rewardId' });
    const { state } = await this.streams.ledgerState(residentId);
    if (state.balance < reward.pricePoints) {
      throw new DomainError(
        'POINTS.INSUFFICIENT_BALANCE',
        `${reward.name} costs ${reward.pricePoints} points; the balance is ${state.balance}`,
        {
          field: 'rewardId',
          balance: state.balance,
          needed: reward.pricePoints,
        },
      );
    }

    const redemptionId = uuidv7(metadata.now.getTime());
    const timerId = `redemption-${redemptionId}`;
    const settle = { residentId, rewardId, redemptionId };
    await this.timers.scheduler.schedule(timerId, new Date(metadata.now.getTime() + SETTLE_AFTER_MS), SETTLE_REDEMPTION, settle);
    try {
      await this.streams.reward({ type: 'ReserveStock', data: { rewardId, redemptionId, residentId } }, metadata);
    } catch (error) {
      await this.timers.scheduler.cancel(timerId);
      throw error;
    }
    try {
      const debited = await this.streams.ledger(
        { type: 'DebitForReward', data: { residentId, redemptionId, rewardId, rewardName: reward.name, points: reward.pricePoints } },
        metadata,
      );
      await this.timers.scheduler.cancel(timerId);
      return {
        redemptionId,
        rewardId,
        rewardName: reward.name,
        points: reward.pricePoints,
        voucherCode: voucherCode(this.settings.voucherSecret, redemptionId),
        balance: debited.state.balance,
      };
    } catch (error) {
      await this.streams.reward(
        { type: 'ReleaseStock', data: { rewardId, redemptionId, reason: 'points could not be debited' } },
        metadata,
      );
      await this.timers.scheduler.cancel(timerId);
      throw error;
    }
  }
}
