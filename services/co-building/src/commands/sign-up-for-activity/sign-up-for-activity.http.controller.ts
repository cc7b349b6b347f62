import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SignUpForActivity } from './sign-up-for-activity.command';
import type { SignedUpView } from './sign-up-for-activity.handler';
import { signUpForActivityRequest, type SignUpForActivityRequest } from './sign-up-for-activity.request';

@ApiTags('co-building: activities')
@ApiBearerAuth()
@Controller('api/co-building')
export class SignUpForActivityHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('activities/:activityId/sign-ups')
  @Allow({ role: 'resident', scope: 'community', verified: true })
  @ApiOperation({
    summary:
      "Sign myself up for an activity of my community: 409 before sign-up opens (earlier for a level unlocking 'early-sign-up'), when full or signed up already",
  })
  signUp(
    @Param('activityId') activityId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(signUpForActivityRequest) body: SignUpForActivityRequest,
  ) {
    return this.commands.execute<SignUpForActivity, SignedUpView>(
      new SignUpForActivity({ principal, activityId, residentId: body.residentId }),
    );
  }
}
