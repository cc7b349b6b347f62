import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertRunsContest } from '../../application/contest-authority';
import { Streams } from '../../application/streams';
import { RateBuildingCleanliness } from './rate-building-cleanliness.command';

@CommandHandler(RateBuildingCleanliness)
export class RateBuildingCleanlinessHandler implements ICommandHandler<RateBuildingCleanliness> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId, request } }: RateBuildingCleanliness) {
    const state = await this.streams.contestState(contestId);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    assertRunsContest(principal, state.contest.communityId, 'rate buildings there');
    const data = { contestId, ...request, ratedBy: principal.subject };
    await this.streams.contest({ type: 'RateBuildingCleanliness', data }, commandMetadataFor(principal, this.streams.now()));
    return { buildingId: request.buildingId, score: request.score };
  }
}
