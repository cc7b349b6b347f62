import { Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { fold, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, Public, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { councilStreamId, rotationDecider, type RotationEvent, type RotationState } from '../../domain/rotation/rotation.decider';
import { RunRotationCommand } from './rotation.handler';

const volunteerRequest = z.object({ displayName: z.string().trim().min(1).max(60) });
const rotateRequest = z.object({
  seats: z.number().int().min(1).max(30),
  /** Terms a member sits out before being drawn again (when enough others volunteered). */
  restTerms: z.number().int().min(0).max(5).default(1),
});

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/councils')
export class RotationHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post(':communityId/volunteers')
  @Allow('resident')
  @ApiOperation({ summary: 'Volunteer to serve on the community council (轮值)' })
  @ApiZodBody(volunteerRequest)
  async volunteer(@Param('communityId') communityId: string, @CurrentPrincipal() p: Principal, @ZodBody(volunteerRequest) body: z.output<typeof volunteerRequest>) {
    await this.commands.execute(new RunRotationCommand(communityId, { type: 'Volunteer', data: { communityId, displayName: body.displayName } }, p));
    return { communityId, volunteered: true };
  }

  @Post(':communityId/rotations')
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Start a new council term: draw its members from the volunteers, resting those who just served' })
  @ApiZodBody(rotateRequest)
  async rotate(@Param('communityId') communityId: string, @CurrentPrincipal() p: Principal, @ZodBody(rotateRequest) body: z.output<typeof rotateRequest>) {
    const result: CommandResult<RotationState> = await this.commands.execute(
      new RunRotationCommand(communityId, { type: 'Rotate', data: { communityId, ...body } }, p),
    );
    const rotated = result.events[0] as Extract<RotationEvent, { type: 'CouncilRotated' }>;
    return rotated.data;
  }

  @Get(':communityId')
  @Public()
  @ApiOperation({ summary: "The council's current term and members (display names only), and how many volunteered" })
  async council(@Param('communityId') communityId: string) {
    const { events } = await this.infrastructure.eventStore.readStream(councilStreamId(communityId));
    const domainEvents = events.map((e) => toDomainEvent<RotationEvent>(e));
    const state = fold(rotationDecider, domainEvents);
    const lastRotation = [...domainEvents].reverse().find((e): e is Extract<RotationEvent, { type: 'CouncilRotated' }> => e.type === 'CouncilRotated');
    return {
      communityId,
      term: state.terms.length,
      members: lastRotation?.data.members.map((m) => ({ displayName: m.displayName })) ?? [],
      volunteers: state.volunteers.length,
    };
  }
}
