import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ActivityView } from '../../read-models/activities-views.entity';
import { cityDateTimeOf } from '../../domain/space-day/space-day.decider';
import { CoBuildingSettings } from '../../settings/co-building-settings';

/** A community's activities, soonest first, with the places left and when sign-up opens (also in city time). */
@Injectable()
export class CommunityActivities {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly settings: CoBuildingSettings,
  ) {}

  async of(communityId: string) {
    const activities = await this.infrastructure.dataSource
      .getRepository(ActivityView)
      .find({ where: { communityId }, order: { startsAt: 'ASC', activityId: 'ASC' } });
    const cityTime = (instant: string) => cityDateTimeOf(new Date(instant), this.settings.timeZone);
    return activities.map(({ signedUp, ...activity }) => ({
      ...activity,
      placesLeft: Math.max(0, activity.capacity - signedUp),
      startsAtCityTime: cityTime(activity.startsAt),
      signUpOpensAtCityTime: cityTime(activity.signUpOpensAt),
      earlySignUpHours: this.settings.earlySignUpHours,
    }));
  }
}
