import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, assertInScope, commandMetadataFor, CurrentPrincipal, hasRole, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { SpaceDayState } from '../../domain/space-day/space-day.decider';
import { BookSpaceSlotCommand, CancelSpaceBookingCommand, ExecuteNeedCommand, ExecuteResourceCommand } from '../execute-commands';
import {
  bookSlotRequest,
  cancelBookingRequest,
  listResourceRequest,
  postNeedRequest,
  type BookSlotRequest,
  type CancelBookingRequest,
  type ListResourceRequest,
  type PostNeedRequest,
} from '../requests';

/** The day's booked slots as anyone may see them: who booked stays out. */
const slotsOf = (state: SpaceDayState) => state.bookings.map(({ bookingId, from, to }) => ({ bookingId, from, to }));

/** The resource pool (资源清单) and its bookable spaces, and residents' needs (需求清单). */
@ApiTags('co-building: resources and needs')
@ApiBearerAuth()
@Controller('api/co-building')
export class ResourcesHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post('resources')
  @Allow({ role: 'resident', scope: 'community' }, { role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary: 'List a resource in the pool: officers list spaces and the offers of companies and institutions; a resident lists a skill of their own',
  })
  async list(@CurrentPrincipal() principal: Principal, @ZodBody(listResourceRequest) body: ListResourceRequest) {
    const communityId = body.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const officer = hasRole(principal, 'community_officer');
    if (!officer && body.kind !== 'skill') {
      throw new DomainError('RESOURCE.FORBIDDEN', 'A resident lists a skill of their own; spaces and offers are listed by the community’s officers', { field: 'kind' });
    }
    const resourceId = uuidv7(this.infrastructure.clock.now().getTime());
    const result = await this.commands.execute(
      new ExecuteResourceCommand(
        resourceId,
        {
          type: 'ListResource',
          resourceId,
          communityId,
          kind: body.kind,
          title: body.title,
          description: body.description,
          category: body.category,
          tags: body.tags,
          offeredByKind: officer ? (body.offeredByKind ?? 'community') : 'resident',
          offeredByName: (officer ? body.offeredByName : undefined) ?? body.offeredByName ?? principal.displayName ?? (officer ? communityId : 'resident'),
          opensAt: body.opensAt,
          closesAt: body.closesAt,
          openTo: body.openTo,
        },
        commandMetadataFor(principal, this.infrastructure.clock.now()),
      ),
    );
    return result.state;
  }

  @Post('resources/:resourceId/bookings')
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Book a time slot of a space; an overlapping slot is refused with 409 naming the booked slot' })
  async book(@Param('resourceId') resourceId: string, @CurrentPrincipal() principal: Principal, @ZodBody(bookSlotRequest) body: BookSlotRequest) {
    const bookingId = uuidv7(this.infrastructure.clock.now().getTime());
    const result = await this.commands.execute(
      new BookSpaceSlotCommand({ type: 'BookSlot', bookingId, resourceId, ...body }, commandMetadataFor(principal, this.infrastructure.clock.now()), principal),
    );
    return { bookingId, resourceId, day: body.day, from: body.from, to: body.to, bookingsOfTheDay: slotsOf(result.state) };
  }

  @Post('resources/:resourceId/bookings/:bookingId/cancel')
  @HttpCode(200)
  @Allow('resident', { role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary:
      'Cancel a booking before its slot starts, which frees the slot: your own, or (an officer of the community, with a reason) anyone’s; another’s booking is 403, a started slot or a second cancel 409',
  })
  async cancel(
    @Param('resourceId') resourceId: string,
    @Param('bookingId') bookingId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(cancelBookingRequest) body: CancelBookingRequest,
  ) {
    const officerOf = hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined;
    const result = await this.commands.execute(
      new CancelSpaceBookingCommand(
        { type: 'CancelBooking', bookingId, resourceId, day: body.day, reason: body.reason },
        commandMetadataFor(principal, this.infrastructure.clock.now()),
        officerOf,
      ),
    );
    return { bookingId, resourceId, day: body.day, status: 'cancelled', bookingsOfTheDay: slotsOf(result.state) };
  }

  @Post('needs')
  @Allow({ role: 'resident', scope: 'community' }, { role: 'community_officer', scope: 'community' })
  @ApiOperation({ summary: 'Post a need of the community (需求清单)' })
  async postNeed(@CurrentPrincipal() principal: Principal, @ZodBody(postNeedRequest) body: PostNeedRequest) {
    const communityId = body.communityId ?? principal.scope.communityId!;
    assertInScope(principal, 'community', communityId);
    const needId = uuidv7(this.infrastructure.clock.now().getTime());
    const result = await this.commands.execute(
      new ExecuteNeedCommand(
        needId,
        { type: 'PostNeed', needId, communityId, title: body.title, description: body.description, category: body.category, tags: body.tags },
        commandMetadataFor(principal, this.infrastructure.clock.now()),
      ),
    );
    return result.state;
  }
}
