import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ReviewFlag } from './review-flag.command';
import type { ReviewedFlag } from './review-flag.handler';
import { reviewFlagRequest, type ReviewFlagRequest } from './review-flag.request';

/** Anti-farming review: a burst of awards flagged for an admin is cleared or confirmed. */
@ApiTags('points: admin')
@ApiBearerAuth()
@Allow('admin')
@Controller('api/points/admin')
export class ReviewFlagHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('flags/:residentId/:flagId/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear a flag, or confirm it: every award the flag names is reversed with the review' })
  review(
    @CurrentPrincipal() principal: Principal,
    @Param('residentId') residentId: string,
    @Param('flagId') flagId: string,
    @ZodBody(reviewFlagRequest) body: ReviewFlagRequest,
  ) {
    return this.commands.execute<ReviewFlag, ReviewedFlag>(new ReviewFlag({ principal, residentId, flagId, review: body }));
  }
}
