import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { GridRegister } from '../../application/grid-register';
import { AmendBaseRecord } from './amend-base-record.command';

@CommandHandler(AmendBaseRecord)
export class AmendBaseRecordHandler implements ICommandHandler<AmendBaseRecord, { changed: number }> {
  constructor(private readonly register: GridRegister) {}

  async execute({ data: { principal, gridId, recordId, fields } }: AmendBaseRecord): Promise<{ changed: number }> {
    this.register.assertStaffOf(principal, gridId);
    await this.register.entryIn(gridId, recordId);
    const { events } = await this.register.execute(
      recordId,
      { type: 'AmendBaseRecord', data: { fields } },
      commandMetadataFor(principal, this.register.now()),
    );
    const amended = events.find((e) => e.type === 'BaseRecordAmended')?.data as { changes: readonly unknown[] } | undefined;
    return { changed: amended?.changes.length ?? 0 };
  }
}
