import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BookingView } from '../../read-models/co-building-views.entity';

/** The caller's own space bookings, the cancelled ones with who cancelled (themselves or an officer) and why. */
@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building/bookings')
export class MyBookingsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get('mine')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'My bookings of spaces, by day: booked or cancelled (by me, or by an officer with the reason)' })
  async mine(@CurrentPrincipal() principal: Principal) {
    const bookings = await this.infrastructure.dataSource
      .getRepository(BookingView)
      .find({ where: { bookedBy: principal.subject }, order: { day: 'ASC', from: 'ASC', bookingId: 'ASC' } });
    return bookings.map(({ bookedBy: _bookedBy, ...booking }) => booking);
  }
}
