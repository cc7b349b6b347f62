import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CONTEST_STAFF } from '../../application/contest-authority';
import { RateBuildingCleanliness } from './rate-building-cleanliness.command';
import { rateBuildingCleanlinessRequest, type RateBuildingCleanlinessRequest } from './rate-building-cleanliness.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class RateBuildingCleanlinessHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/cleanliness')
  @HttpCode(201)
  @Allow(...CONTEST_STAFF)
  @ApiOperation({ summary: 'Staff rate the cleanliness of a building in a 最美楼栋 contest (1–5).' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contestId') contestId: string,
    @ZodBody(rateBuildingCleanlinessRequest) body: RateBuildingCleanlinessRequest,
  ) {
    return this.commands.execute(new RateBuildingCleanliness({ principal, contestId, request: body }));
  }
}
