import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BookingView } from '../../read-models/co-building-views.entity';

/** One booker's own bookings, by day; the booker's id stays out of the answer. */
@Injectable()
export class MyBookings {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async of(bookedBy: string) {
    const bookings = await this.infrastructure.dataSource
      .getRepository(BookingView)
      .find({ where: { bookedBy }, order: { day: 'ASC', from: 'ASC', bookingId: 'ASC' } });
    return bookings.map(({ bookedBy: _bookedBy, ...booking }) => booking);
  }
}
