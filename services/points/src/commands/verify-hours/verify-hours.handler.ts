import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { Streams } from '../../application/streams';
import { officerCovering } from '../../application/time-bank-authority';
import { RejectHours, VerifyHours } from './verify-hours.command';

export interface VerifiedHours {
  readonly entryId: string;
  readonly status: 'deposited';
  readonly balance: number;
}

export interface RejectedHours {
  readonly entryId: string;
  readonly status: 'rejected';
}

/** The decider checks that the caller is the verifier named or an officer whose patch covers the entry's community. */
@CommandHandler(VerifyHours)
export class VerifyHoursHandler implements ICommandHandler<VerifyHours, VerifiedHours> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, residentId, entryId } }: VerifyHours): Promise<VerifiedHours> {
    const { state } = await this.streams.timeBank(
      { type: 'VerifyHours', data: { residentId, entryId } },
      commandMetadataFor(principal, this.streams.now()),
      {
        officerCovers: officerCovering(principal),
      },
    );
    return { entryId, status: 'deposited', balance: state.balance };
  }
}

@CommandHandler(RejectHours)
export class RejectHoursHandler implements ICommandHandler<RejectHours, RejectedHours> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, residentId, entryId, reason } }: RejectHours): Promise<RejectedHours> {
    await this.streams.timeBank(
      { type: 'RejectHours', data: { residentId, entryId, reason } },
      commandMetadataFor(principal, this.streams.now()),
      {
        officerCovers: officerCovering(principal),
      },
    );
    return { entryId, status: 'rejected' };
  }
}
