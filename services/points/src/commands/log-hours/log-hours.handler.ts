import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { LogHours } from './log-hours.command';

export interface LoggedHours {
  readonly entryId: string;
  readonly status: 'logged';
}

/** The entry records the volunteer's community from the token, so officers of that community may verify it. */
@CommandHandler(LogHours)
export class LogHoursHandler implements ICommandHandler<LogHours, LoggedHours> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, hours } }: LogHours): Promise<LoggedHours> {
    const entryId = this.streams.newId();
    await this.streams.timeBank(
      { type: 'LogHours', data: { residentId: principal.subject, entryId, ...hours, communityId: principal.scope.communityId ?? null } },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { entryId, status: 'logged' };
  }
}
