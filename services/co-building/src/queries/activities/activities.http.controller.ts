import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { CommunityActivities } from './activities.reader';

@ApiTags('co-building: activities')
@ApiBearerAuth()
@Controller('api/co-building/communities')
export class CommunityActivitiesHttpController {
  constructor(private readonly activities: CommunityActivities) {}

  @Get(':communityId/activities')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: "A community's activities with the places left and when sign-up opens, in city time too" })
  list(@Param('communityId') communityId: string) {
    return this.activities.of(communityId);
  }
}
