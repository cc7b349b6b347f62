import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { ReviewFlag } from './review-flag.command';

export interface ReviewedFlag {
  readonly residentId: string;
  readonly flagId: string;
  readonly status: 'cleared' | 'confirmed';
  /** The awards a confirmation reversed with the review, in the same append. */
  readonly reversed: readonly unknown[];
  readonly balance: number;
}

@CommandHandler(ReviewFlag)
export class ReviewFlagHandler implements ICommandHandler<ReviewFlag, ReviewedFlag> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, residentId, flagId, review } }: ReviewFlag): Promise<ReviewedFlag> {
    const { events, state } = await this.streams.ledger(
      { type: 'ReviewFlag', data: { residentId, flagId, ...review } },
      commandMetadataFor(principal, this.streams.now()),
    );
    const reversed = events.flatMap((e) => (e.type === 'PointsReversed' ? [e.data] : []));
    return { residentId, flagId, status: review.outcome, reversed, balance: state.balance };
  }
}
