import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodQuery } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { monthsOfLeaderboard, topTen } from './leaderboard.query';
import { cstMonth } from '../../domain/shared/calendar';
import { leaderboardQuery, type LeaderboardQuery } from './leaderboard.request';

/** 社区贡献榜: the monthly top 10 of a community, display names only. */
@ApiTags('points: leaderboard')
@ApiBearerAuth()
@Controller('api/points/leaderboards')
export class LeaderboardHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':communityId')
  @ApiOperation({ summary: 'The top 10 of a month (this month by default): rank, display name, points' })
  async board(@Param('communityId') communityId: string, @ZodQuery(leaderboardQuery) query: LeaderboardQuery) {
    const month = query.month ?? cstMonth(this.infrastructure.clock.now());
    return { communityId, month, entries: await topTen(this.infrastructure.dataSource, communityId, month) };
  }

  @Get(':communityId/months')
  @ApiOperation({ summary: 'The months a leaderboard has, newest first' })
  months(@Param('communityId') communityId: string) {
    return monthsOfLeaderboard(this.infrastructure.dataSource, communityId);
  }
}
