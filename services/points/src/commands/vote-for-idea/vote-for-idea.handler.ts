import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertTakesPart } from '../../application/contest-authority';
import { Streams } from '../../application/streams';
import { VoteForIdea } from './vote-for-idea.command';

@CommandHandler(VoteForIdea)
export class VoteForIdeaHandler implements ICommandHandler<VoteForIdea> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId, request } }: VoteForIdea) {
    const state = await this.streams.contestState(contestId);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    assertTakesPart(principal, state.contest.communityId);
    const data = { contestId, entryId: request.entryId, residentId: principal.subject };
    await this.streams.contest({ type: 'VoteForIdea', data }, commandMetadataFor(principal, this.streams.now()));
    return { entryId: request.entryId };
  }
}
