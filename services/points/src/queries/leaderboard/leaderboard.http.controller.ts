import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodQuery } from '@gongzhi/identity';
import { PointsReaders } from '../../application/points-readers';
import { leaderboardQuery, type LeaderboardQuery } from './leaderboard.request';
import { ApiOkFrom, ApiQueryFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';

export const leaderboardResponse = z.object({
  communityId: z.string(),
  month: z.string().describe('YYYY-MM, in city time.'),
  entries: z.array(z.object({ rank: z.number().int(), displayName: z.string(), points: z.number().int() })),
});

/** 社区贡献榜: the monthly top 10 of a community, display names only. */
@ApiTags('points: leaderboard')
@ApiBearerAuth()
@Controller('api/points/leaderboards')
export class LeaderboardHttpController {
  constructor(private readonly readers: PointsReaders) {}

  @Get(':communityId')
  @ApiOperation({ summary: 'The top 10 of a month (this month by default): rank, display name, points' })
  @ApiQueryFrom(leaderboardQuery)
  @ApiOkFrom(leaderboardResponse, 'Up to ten residents, highest first.')
  async board(
    @Param('communityId') communityId: string,
    @ZodQuery(leaderboardQuery) query: LeaderboardQuery,
  ): Promise<AnswerOf<typeof leaderboardResponse>> {
    const month = query.month ?? this.readers.thisMonth();
    return { communityId, month, entries: await this.readers.leaderboard(communityId, month) };
  }

  @Get(':communityId/months')
  @ApiOperation({ summary: 'The months a leaderboard has, newest first' })
  months(@Param('communityId') communityId: string) {
    return this.readers.leaderboardMonths(communityId);
  }
}
