import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertKnownCommunity, commandMetadataFor } from '@gongzhi/identity';
import { assertRunsContest } from '../../application/contest-authority';
import { ContestReaders } from '../../application/contest-readers';
import { Streams } from '../../application/streams';
import { cstDayStart } from '../../domain/shared/calendar';
import { OpenContest } from './open-contest.command';

/** A 最美楼栋 takes the community's buildings and residents as the register knows them now: the roll is fixed at opening. */
@CommandHandler(OpenContest)
export class OpenContestHandler implements ICommandHandler<OpenContest, { contestId: string }> {
  constructor(
    private readonly streams: Streams,
    private readonly readers: ContestReaders,
  ) {}

  async execute({ data: { principal, contest } }: OpenContest): Promise<{ contestId: string }> {
    assertKnownCommunity(contest.communityId, 'CONTEST.UNKNOWN_COMMUNITY');
    assertRunsContest(principal, contest.communityId, 'open a contest there');
    const contestId = this.streams.newId();
    const buildings = contest.kind === 'building' ? await this.readers.buildingRoll(contest.communityId) : [];
    await this.streams.contest(
      {
        type: 'OpenContest',
        data: {
          contestId,
          kind: contest.kind,
          title: contest.title,
          communityId: contest.communityId,
          startsAt: cstDayStart(contest.startDate),
          endsAt: cstDayStart(contest.endDate, 1),
          prizePoints: contest.prizePoints,
          winners: contest.kind === 'building' ? 1 : contest.winners,
          teamPrizePoints: contest.kind === 'volunteer' ? contest.teamPrizePoints : 0,
          teams: contest.kind === 'volunteer' ? contest.teams.map((name, i) => ({ teamId: `team-${i + 1}`, name })) : [],
          buildings,
          openedBy: principal.subject,
          ...(contest.jurorIds.length > 0 ? { jurorIds: contest.jurorIds } : {}),
        },
      },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { contestId };
  }
}
