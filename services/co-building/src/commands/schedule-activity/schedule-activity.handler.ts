import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { activityDecider, activityStreamId, type ActivityState } from '../../domain/activity/activity.decider';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { ScheduleActivity } from './schedule-activity.command';

/** In the officer's own community unless they name another they serve. */
@CommandHandler(ScheduleActivity)
export class ScheduleActivityHandler implements ICommandHandler<ScheduleActivity, ActivityState['activity']> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore' | 'clock'>,
    private readonly settings: CoBuildingSettings,
  ) {}

  async execute({ data: { principal, activity } }: ScheduleActivity): Promise<ActivityState['activity']> {
    const communityId = activity.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const now = this.infrastructure.clock.now();
    const activityId = uuidv7(now.getTime());
    const { title, startsAt, capacity, signUpOpensAt } = activity;
    const result = await handleCommand(
      this.infrastructure.eventStore,
      activityDecider,
      activityStreamId(activityId),
      { type: 'ScheduleActivity', data: { activityId, communityId, title, startsAt, capacity, signUpOpensAt } },
      commandMetadataFor(principal, now),
      { earlySignUpHours: this.settings.earlySignUpHours, timeZone: this.settings.timeZone },
    );
    return result.state.activity;
  }
}
