import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '@gongzhi/eventsourcing';
import { commandMetadataFor, hasRole } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { slotsOf } from '../../application/space-day-view';
import { spaceDayDecider, spaceDayStreamId } from '../../domain/space-day/space-day.decider';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { CancelSpaceBooking } from './cancel-space-booking.command';

export interface CancelledBookingView {
  readonly bookingId: string;
  readonly resourceId: string;
  readonly day: string;
  readonly status: 'cancelled';
  readonly bookingsOfTheDay: ReturnType<typeof slotsOf>;
}

/** Cancelling frees the slot; the decider tells the booker from an officer of the space's community. */
@CommandHandler(CancelSpaceBooking)
export class CancelSpaceBookingHandler implements ICommandHandler<CancelSpaceBooking, CancelledBookingView> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore' | 'clock'>,
    private readonly settings: CoBuildingSettings,
  ) {}

  async execute({ data: { principal, resourceId, bookingId, cancellation } }: CancelSpaceBooking): Promise<CancelledBookingView> {
    const { day, reason } = cancellation;
    // Bookings of the same day move the stream too (as for booking): each retry decides afresh.
    const result = await handleCommand(
      this.infrastructure.eventStore,
      spaceDayDecider,
      spaceDayStreamId(resourceId, day),
      { type: 'CancelBooking', data: { bookingId, resourceId, day, reason } },
      commandMetadataFor(principal, this.infrastructure.clock.now()),
      {
        officerOfCommunityId: hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined,
        timeZone: this.settings.timeZone,
      },
      { maxAttempts: 30 },
    );
    return { bookingId, resourceId, day, status: 'cancelled', bookingsOfTheDay: slotsOf(result.state) };
  }
}
