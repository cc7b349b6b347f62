import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ownValue } from '@gongzhi/contracts';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import type { PointsSettings } from '../../config/load-points-config';
import { POINTS_SETTINGS } from '../../application/points-settings.token';
import { assertManagesReward } from '../../application/reward-authority';
import { Streams } from '../../application/streams';
import { isVoucherFor } from '../../application/voucher';
import { UseRedemption } from './use-redemption.command';

/**
 * Staff take a voucher in (at the canteen, say): staff of the reward's own community, the code must match, and the
 * redemption can no longer be cancelled.
 */
@CommandHandler(UseRedemption)
export class UseRedemptionHandler implements ICommandHandler<UseRedemption, void> {
  constructor(
    private readonly streams: Streams,
    @Inject(POINTS_SETTINGS) private readonly settings: PointsSettings,
  ) {}

  async execute({ data: { principal, residentId, redemptionId, voucherCode } }: UseRedemption): Promise<void> {
    const redemption = ownValue((await this.streams.ledgerState(residentId)).state.redemptions, redemptionId);
    const reward = redemption ? await this.streams.rewardState(redemption.rewardId) : undefined;
    if (reward?.status === 'Listed') assertManagesReward(principal, reward.communityId, 'take in a voucher of this reward');
    if (!isVoucherFor(this.settings.voucherSecret, redemptionId, voucherCode)) {
      throw new DomainError('POINTS.VOUCHER_INVALID', 'The voucher code does not belong to this redemption', { field: 'voucherCode' });
    }
    const metadata = commandMetadataFor(principal, this.streams.now());
    await this.streams.ledger({ type: 'UseRedemption', data: { residentId, redemptionId, usedBy: metadata.actor.id } }, metadata);
  }
}
