import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertRunsContest } from '../../application/contest-authority';
import { Streams } from '../../application/streams';
import { CloseContest } from './close-contest.command';

@CommandHandler(CloseContest)
export class CloseContestHandler implements ICommandHandler<CloseContest> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId } }: CloseContest) {
    const state = await this.streams.contestState(contestId);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    assertRunsContest(principal, state.contest.communityId, 'close a contest there');
    const data = { contestId, closedBy: principal.subject };
    await this.streams.contest({ type: 'CloseContest', data }, commandMetadataFor(principal, this.streams.now()));
    const closed = await this.streams.contestState(contestId);
    return closed.status === 'Closed' ? { standings: closed.closing.standings, prizes: closed.closing.prizes } : null;
  }
}
