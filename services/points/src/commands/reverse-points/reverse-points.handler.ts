import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { ReversePoints } from './reverse-points.command';

export interface ReversedPoints {
  readonly reversed: readonly unknown[];
  readonly balance: number;
}

@CommandHandler(ReversePoints)
export class ReversePointsHandler implements ICommandHandler<ReversePoints, ReversedPoints> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, reversal } }: ReversePoints): Promise<ReversedPoints> {
    const { events, state } = await this.streams.ledger(
      {
        type: 'ReversePoints',
        data: { residentId: reversal.residentId, match: { sourceEventId: reversal.sourceEventId }, reason: reversal.reason },
      },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { reversed: events.map((e) => e.data), balance: state.balance };
  }
}
