import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { MyBookings } from './my-bookings.reader';

/** The caller's own space bookings, the cancelled ones with who cancelled (themselves or an officer) and why. */
@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building/bookings')
export class MyBookingsHttpController {
  constructor(private readonly bookings: MyBookings) {}

  @Get('mine')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'My bookings of spaces, by day: booked or cancelled (by me, or by an officer with the reason)' })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.bookings.of(principal.subject);
  }
}
