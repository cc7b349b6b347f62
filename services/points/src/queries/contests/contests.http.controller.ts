import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { DomainError } from '@gongzhi/eventsourcing';
import { ContestReaders } from '../../application/contest-readers';

/** Contests are public within the city: standings name ideas, buildings and teams; residents appear by id only. */
@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class ContestsHttpController {
  constructor(private readonly readers: ContestReaders) {}

  @Get()
  @ApiOperation({ summary: "A community's contests, newest first (the caller's own community when none is named)" })
  list(@CurrentPrincipal() principal: Principal, @Query('communityId') communityId?: string) {
    const community = communityId ?? principal.scope.communityId;
    if (!community)
      throw new DomainError('CONTEST.COMMUNITY_REQUIRED', 'Name the community whose contests to list', { field: 'communityId' });
    return this.readers.contests(community);
  }

  @Get(':contestId')
  @ApiOperation({ summary: "One contest with its standings (final once closed; a jury's only for its jurors and staff until then)" })
  contest(@CurrentPrincipal() principal: Principal, @Param('contestId') contestId: string) {
    return this.readers.contest(contestId, principal);
  }
}
