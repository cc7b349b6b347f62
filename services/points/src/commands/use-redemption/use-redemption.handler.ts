import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import type { PointsSettings } from '../../config/load-points-config';
import { POINTS_SETTINGS } from '../../application/points-settings.token';
import { Streams } from '../../application/streams';
import { isVoucherFor } from '../../application/voucher';
import { UseRedemption } from './use-redemption.command';

/** Staff take a voucher in (at the canteen, say): the code must match, and the redemption can no longer be cancelled. */
@CommandHandler(UseRedemption)
export class UseRedemptionHandler implements ICommandHandler<UseRedemption, void> {
  constructor(
    private readonly streams: Streams,
    @Inject(POINTS_SETTINGS) private readonly settings: PointsSettings,
  ) {}

  async execute({ residentId, redemptionId, voucherCode, metadata }: UseRedemption): Promise<void> {
    if (!isVoucherFor(this.settings.voucherSecret, redemptionId, voucherCode)) {
      throw new DomainError('POINTS.VOUCHER_INVALID', 'The voucher code does not belong to this redemption', { field: 'voucherCode' });
    }
    await this.streams.ledger({ type: 'UseRedemption', data: { residentId, redemptionId, usedBy: metadata.actor.id } }, metadata);
  }
}
