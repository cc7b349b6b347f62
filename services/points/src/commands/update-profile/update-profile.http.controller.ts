import { Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { UpdateProfile } from './update-profile.command';
import type { ProfileView } from './update-profile.handler';
import { updateProfileRequest, type UpdateProfileRequest } from './update-profile.request';

@ApiTags('points')
@ApiBearerAuth()
@Allow('resident')
@Controller('api/points/me')
export class UpdateProfileHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('profile')
  @ApiOperation({ summary: 'The name I show on leaderboards (my account name by default) and my community, from my token' })
  profile(@CurrentPrincipal() principal: Principal, @ZodBody(updateProfileRequest) body: UpdateProfileRequest) {
    return this.commands.execute<UpdateProfile, ProfileView>(new UpdateProfile({ principal, displayName: body.displayName }));
  }
}
