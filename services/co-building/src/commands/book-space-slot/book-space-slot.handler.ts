import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { loadResource } from '../../application/resources';
import { slotsOf } from '../../application/space-day-view';
import { assertMayTakePart } from '../../domain/participation';
import { spaceDayDecider, spaceDayStreamId } from '../../domain/space-day/space-day.decider';
import { CoBuildingSettings } from '../../settings/co-building-settings';
import { BookSpaceSlot } from './book-space-slot.command';

export interface BookedSlotView {
  readonly bookingId: string;
  readonly resourceId: string;
  readonly day: string;
  readonly from: string;
  readonly to: string;
  readonly bookingsOfTheDay: ReturnType<typeof slotsOf>;
}

/**
 * A space is open to its community's residents unless marked wider. The space's day is one stream, so of overlapping
 * concurrent bookings exactly one is stored.
 */
@CommandHandler(BookSpaceSlot)
export class BookSpaceSlotHandler implements ICommandHandler<BookSpaceSlot, BookedSlotView> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore' | 'clock'>,
    private readonly settings: CoBuildingSettings,
  ) {}

  async execute({ data: { principal, resourceId, booking } }: BookSpaceSlot): Promise<BookedSlotView> {
    const store = this.infrastructure.eventStore;
    const now = this.infrastructure.clock.now();
    const bookingId = uuidv7(now.getTime());
    const resource = await loadResource(store, resourceId);
    if (resource.status === 'Listed') assertMayTakePart(principal, resource, `book ${resource.title}`);
    const space =
      resource.status === 'Listed' && resource.kind === 'space' && resource.opensAt && resource.closesAt
        ? { resourceId: resource.resourceId, communityId: resource.communityId, opensAt: resource.opensAt, closesAt: resource.closesAt }
        : null;
    // Bookings of other slots of the same day also move the stream: retry more than the default, each retry decides afresh.
    const result = await handleCommand(
      store,
      spaceDayDecider,
      spaceDayStreamId(resourceId, booking.day),
      { type: 'BookSlot', data: { bookingId, resourceId, ...booking } },
      commandMetadataFor(principal, now),
      { space, timeZone: this.settings.timeZone },
      { maxAttempts: 30 },
    );
    return { bookingId, resourceId, day: booking.day, from: booking.from, to: booking.to, bookingsOfTheDay: slotsOf(result.state) };
  }
}
