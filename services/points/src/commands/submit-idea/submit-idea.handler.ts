import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertTakesPart } from '../../application/contest-authority';
import { Streams } from '../../application/streams';
import { SubmitIdea } from './submit-idea.command';

@CommandHandler(SubmitIdea)
export class SubmitIdeaHandler implements ICommandHandler<SubmitIdea> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId, request } }: SubmitIdea) {
    const state = await this.streams.contestState(contestId);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    assertTakesPart(principal, state.contest.communityId);
    const entryId = this.streams.newId();
    const data = { contestId, entryId, residentId: principal.subject, ...request };
    await this.streams.contest({ type: 'SubmitIdea', data }, commandMetadataFor(principal, this.streams.now()));
    return { entryId };
  }
}
