import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { Public } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { councilStreamId, rotationDecider, type RotationEvent } from '../../domain/rotation/rotation.decider';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/councils')
export class GetCouncilHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get(':communityId')
  @Public()
  @ApiOperation({ summary: "The council's current term and members (display names only), and how many volunteered" })
  async council(@Param('communityId') communityId: string) {
    const { events } = await this.infrastructure.eventStore.readStream(councilStreamId(communityId));
    const domainEvents = events.map((e) => toDomainEvent<RotationEvent>(e));
    const state = fold(rotationDecider, domainEvents);
    const lastRotation = [...domainEvents]
      .reverse()
      .find((e): e is Extract<RotationEvent, { type: 'CouncilRotated' }> => e.type === 'CouncilRotated');
    return {
      communityId,
      term: state.terms.length,
      members: lastRotation?.data.members.map((m) => ({ displayName: m.displayName })) ?? [],
      volunteers: state.volunteers.length,
    };
  }
}
