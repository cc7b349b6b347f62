import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { activityDecider, activityStreamId } from '../../domain/activity/activity.decider';
import { ResidentPrivilegesView } from '../../read-models/activities-views.entity';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { SignUpForActivity } from './sign-up-for-activity.command';

export interface SignedUpView {
  readonly activityId: string;
  readonly early: boolean;
  readonly placesLeft: number;
}

/**
 * Whether the resident holds 'early-sign-up' comes from co-building's own copy of points' LevelReached. The activity
 * is one stream, so of concurrent sign-ups for its last place exactly one is stored; each retry decides afresh.
 */
@CommandHandler(SignUpForActivity)
export class SignUpForActivityHandler implements ICommandHandler<SignUpForActivity, SignedUpView> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly settings: CoBuildingSettings,
  ) {}

  async execute({ data: { principal, activityId, residentId } }: SignUpForActivity): Promise<SignedUpView> {
    const now = this.infrastructure.clock.now();
    const levels = await this.infrastructure.dataSource.getRepository(ResidentPrivilegesView).findOneBy({ residentId: principal.subject });
    const verifiedResident = principal.roles.includes('resident') && principal.verification === 'verified';
    const result = await handleCommand(
      this.infrastructure.eventStore,
      activityDecider,
      activityStreamId(activityId),
      { type: 'SignUpForActivity', data: { activityId, residentId: residentId ?? principal.subject } },
      commandMetadataFor(principal, now),
      {
        residentOfCommunityId: verifiedResident ? principal.scope.communityId : undefined,
        holdsEarlySignUp: levels?.privileges.includes('early-sign-up') ?? false,
        earlySignUpHours: this.settings.earlySignUpHours,
        timeZone: this.settings.timeZone,
      },
      { maxAttempts: 30 },
    );
    return {
      activityId,
      early: (result.events[0]?.data as { early?: boolean } | undefined)?.early === true,
      placesLeft: result.state.activity!.capacity - result.state.signedUp.length,
    };
  }
}
