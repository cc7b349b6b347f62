import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { GridRegister } from '../../application/grid-register';
import { RegisterBaseRecord } from './register-base-record.command';

@CommandHandler(RegisterBaseRecord)
export class RegisterBaseRecordHandler implements ICommandHandler<RegisterBaseRecord, { recordId: string }> {
  constructor(private readonly register: GridRegister) {}

  async execute({ data: { principal, gridId, details } }: RegisterBaseRecord): Promise<{ recordId: string }> {
    const grid = this.register.assertStaffOf(principal, gridId);
    const now = this.register.now();
    const recordId = uuidv7(now.getTime());
    await this.register.execute(
      recordId,
      { type: 'RegisterBaseRecord', data: { recordId, gridId, communityId: grid.communityId, details } },
      commandMetadataFor(principal, now),
    );
    return { recordId };
  }
}
