import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { BookSpaceSlot } from './book-space-slot.command';
import type { BookedSlotView } from './book-space-slot.handler';
import { bookSlotRequest, type BookSlotRequest } from './book-space-slot.request';

@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building')
export class BookSpaceSlotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('resources/:resourceId/bookings')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Book a time slot of a space; an overlapping slot is refused with 409 naming the booked slot' })
  book(@Param('resourceId') resourceId: string, @CurrentPrincipal() principal: Principal, @ZodBody(bookSlotRequest) body: BookSlotRequest) {
    return this.commands.execute<BookSpaceSlot, BookedSlotView>(new BookSpaceSlot({ principal, resourceId, booking: body }));
  }
}
