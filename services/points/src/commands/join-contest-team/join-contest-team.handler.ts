import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertTakesPart } from '../../application/contest-authority';
import { Streams } from '../../application/streams';
import { JoinContestTeam } from './join-contest-team.command';

@CommandHandler(JoinContestTeam)
export class JoinContestTeamHandler implements ICommandHandler<JoinContestTeam> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, contestId, request } }: JoinContestTeam) {
    const state = await this.streams.contestState(contestId);
    if (state.status === 'None') throw new DomainError('CONTEST.NOT_FOUND', `No contest ${contestId}`, { field: 'contestId' });
    assertTakesPart(principal, state.contest.communityId);
    const data = { contestId, teamId: request.teamId, residentId: principal.subject };
    await this.streams.contest({ type: 'JoinContestTeam', data }, commandMetadataFor(principal, this.streams.now()));
    return { teamId: request.teamId };
  }
}
