import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { DomainError } from '@gongzhi/eventsourcing';
import { ContestReaders } from '../../application/contest-readers';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

export const contestSummary = z.object({
  contestId: z.string(),
  kind: z.enum(['idea', 'building', 'volunteer']),
  title: z.string(),
  communityId: z.string(),
  status: z.enum(['open', 'closed']),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  prizePoints: z.number().int(),
  teamPrizePoints: z.number().int(),
  winners: z.number().int(),
  choices: z.array(z.object({ id: z.string(), name: z.string() })).describe('The teams or buildings to choose from.'),
  entries: z.array(z.object({ entryId: z.string(), title: z.string(), description: z.string(), votes: z.number().int() })),
});

export const contestsResponse = z.array(contestSummary);

export const contestResponse = contestSummary.extend({
  judging: z.enum(['vote', 'jury']).describe("jury: the named jurors' mean scores decide; vote: the residents' votes."),
  jurorIds: z.array(z.string()),
  scoresHidden: z.boolean().describe("A jury's running scores are for its jurors and staff until the close."),
  myScores: z.record(z.string(), z.number()).optional().describe("The reader's own scores by idea, when the reader is a juror."),
  standings: z.array(
    z.object({
      rank: z.number().int(),
      kind: z.enum(['idea', 'building', 'team', 'resident']),
      subjectId: z.string(),
      label: z.string(),
      score: z.number(),
    }),
  ),
});

/** Contests are public within the city: standings name ideas, buildings and teams; residents appear by id only. */
@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class ContestsHttpController {
  constructor(private readonly readers: ContestReaders) {}

  @Get()
  @ApiOperation({ summary: "A community's contests, newest first (the caller's own community when none is named)" })
  @ApiQuery({ name: 'communityId', required: false, description: "Defaults to the caller's own community" })
  @ApiOkFrom(contestsResponse, 'The contests, the latest ending first.')
  list(@CurrentPrincipal() principal: Principal, @Query('communityId') communityId?: string): Promise<AnswerOf<typeof contestsResponse>> {
    const community = communityId ?? principal.scope.communityId;
    if (!community)
      throw new DomainError('CONTEST.COMMUNITY_REQUIRED', 'Name the community whose contests to list', { field: 'communityId' });
    return this.readers.contests(community);
  }

  @Get(':contestId')
  @ApiOperation({ summary: "One contest with its standings (final once closed; a jury's only for its jurors and staff until then)" })
  @ApiOkFrom(contestResponse, 'The contest with its standings.')
  contest(@CurrentPrincipal() principal: Principal, @Param('contestId') contestId: string): Promise<AnswerOf<typeof contestResponse>> {
    return this.readers.contest(contestId, principal);
  }
}
