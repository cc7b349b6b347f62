import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor, hasRole } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { communityFundDecider, communityFundStreamId } from '../../domain/community-fund/community-fund.decider';
import { FundLedgerEntry } from '../../read-models/co-building-views.entity';
import { SpendFromFund } from './spend-from-fund.command';

export interface FundSpendingView {
  readonly spendingId: string;
  readonly communityId: string;
  readonly amountFen: number;
  readonly purpose: string;
  readonly councilTopicId: string | null;
  readonly spentFen: number;
}

/** Never more than the fund's balance; only an officer of the fund's own community (the decider checks both). */
@CommandHandler(SpendFromFund)
export class SpendFromFundHandler implements ICommandHandler<SpendFromFund, FundSpendingView> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore' | 'dataSource' | 'clock'>,
  ) {}

  async execute({ data: { principal, communityId, spending } }: SpendFromFund): Promise<FundSpendingView> {
    const now = this.infrastructure.clock.now();
    const spendingId = uuidv7(now.getTime());
    // The fund's income is the fund shares on the projects' streams, summed by the public ledger. The ledger
    // may lag behind those streams but never runs ahead of them, so the balance decided on is never more
    // than the fund holds; the spendings come from the fund's own stream, exact under its expected version.
    const incomeFen = (await this.infrastructure.dataSource.getRepository(FundLedgerEntry).sum('fundShareFen', { communityId })) ?? 0;
    const result = await handleCommand(
      this.infrastructure.eventStore,
      communityFundDecider,
      communityFundStreamId(communityId),
      { type: 'SpendFromFund', data: { spendingId, communityId, ...spending } },
      commandMetadataFor(principal, now),
      { officerOfCommunityId: hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined, incomeFen },
    );
    const { amountFen, purpose, councilTopicId } = spending;
    return { spendingId, communityId, amountFen, purpose, councilTopicId, spentFen: result.state.spentFen };
  }
}
