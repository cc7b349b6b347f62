import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { TransferHours } from './transfer-hours.command';

export interface TransferredHours {
  readonly transferId: string;
  readonly balance: number;
}

/** Hours go only to a resident this service knows: the decider refuses an unknown one (404) before anything is stored. */
@CommandHandler(TransferHours)
export class TransferHoursHandler implements ICommandHandler<TransferHours, TransferredHours> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, transfer } }: TransferHours): Promise<TransferredHours> {
    const transferId = this.streams.newId();
    const recipientKnown = await this.streams.knowsResident(transfer.toResidentId);
    const { state } = await this.streams.timeBank(
      { type: 'TransferHours', data: { residentId: principal.subject, transferId, ...transfer } },
      commandMetadataFor(principal, this.streams.now()),
      { recipientKnown },
    );
    return { transferId, balance: state.balance };
  }
}
