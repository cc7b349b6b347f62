import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@gongzhi/identity';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { CommunityActivities } from './activities.reader';

export const communityActivitiesResponse = z.array(
  z.object({
    activityId: z.string(),
    communityId: z.string(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    signUpOpensAt: z.iso.datetime(),
    capacity: z.number().int(),
    placesLeft: z.number().int(),
    startsAtCityTime: z.string().describe('The start as the city reads it'),
    signUpOpensAtCityTime: z.string(),
    earlySignUpHours: z.number().describe('How long before the opening a resident whose level unlocks early sign-up may sign up'),
  }),
);

@ApiTags('co-building: activities')
@ApiBearerAuth()
@Controller('api/co-building/communities')
export class CommunityActivitiesHttpController {
  constructor(private readonly activities: CommunityActivities) {}

  @Get(':communityId/activities')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: "A community's activities with the places left and when sign-up opens, in city time too" })
  @ApiOkFrom(communityActivitiesResponse, 'The activities, soonest first.')
  list(@Param('communityId') communityId: string): Promise<AnswerOf<typeof communityActivitiesResponse>> {
    return this.activities.of(communityId);
  }
}
