import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { GridRegister } from '../../application/grid-register';
import { RetireBaseRecord } from './retire-base-record.command';

@CommandHandler(RetireBaseRecord)
export class RetireBaseRecordHandler implements ICommandHandler<RetireBaseRecord, void> {
  constructor(private readonly register: GridRegister) {}

  async execute({ data: { principal, gridId, recordId, reason } }: RetireBaseRecord): Promise<void> {
    this.register.assertStaffOf(principal, gridId);
    await this.register.entryIn(gridId, recordId);
    await this.register.execute(
      recordId,
      { type: 'RetireBaseRecord', data: { reason } },
      commandMetadataFor(principal, this.register.now()),
    );
  }
}
