import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ReversePoints } from './reverse-points.command';
import type { ReversedPoints } from './reverse-points.handler';
import { reversePointsRequest, type ReversePointsRequest } from './reverse-points.request';

/** Anti-farming review: reversal of an award found farmed. */
@ApiTags('points: admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/points/admin')
export class ReversePointsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('reversals')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse one award, by its source event id' })
  reverse(@CurrentPrincipal() principal: Principal, @ZodBody(reversePointsRequest) body: ReversePointsRequest) {
    return this.commands.execute<ReversePoints, ReversedPoints>(new ReversePoints({ principal, reversal: body }));
  }
}
