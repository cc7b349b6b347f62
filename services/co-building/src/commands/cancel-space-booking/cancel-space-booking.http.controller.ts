import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CancelSpaceBooking } from './cancel-space-booking.command';
import type { CancelledBookingView } from './cancel-space-booking.handler';
import { cancelBookingRequest, type CancelBookingRequest } from './cancel-space-booking.request';

@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building')
export class CancelSpaceBookingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('resources/:resourceId/bookings/:bookingId/cancel')
  @HttpCode(200)
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary:
      'Cancel a booking before its slot starts, which frees the slot: your own, or (an officer of the community, with a reason) anyone’s; another’s booking is 403, a started slot or a second cancel 409',
  })
  cancel(
    @Param('resourceId') resourceId: string,
    @Param('bookingId') bookingId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(cancelBookingRequest) body: CancelBookingRequest,
  ) {
    return this.commands.execute<CancelSpaceBooking, CancelledBookingView>(
      new CancelSpaceBooking({ principal, resourceId, bookingId, cancellation: body }),
    );
  }
}
