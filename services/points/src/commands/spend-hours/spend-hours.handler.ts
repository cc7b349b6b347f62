import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { SpendHours } from './spend-hours.command';

export interface SpentHours {
  readonly spendingId: string;
  readonly balance: number;
}

@CommandHandler(SpendHours)
export class SpendHoursHandler implements ICommandHandler<SpendHours, SpentHours> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, spending } }: SpendHours): Promise<SpentHours> {
    const spendingId = this.streams.newId();
    const { state } = await this.streams.timeBank(
      { type: 'SpendHours', data: { residentId: principal.subject, spendingId, ...spending } },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { spendingId, balance: state.balance };
  }
}
