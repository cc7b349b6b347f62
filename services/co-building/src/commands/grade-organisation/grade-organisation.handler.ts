import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '@gongzhi/eventsourcing';
import { commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { organisationDecider, organisationStreamId, type OrganisationState } from '../../domain/organisation/organisation.decider';
import { GradeOrganisation } from './grade-organisation.command';

/** Earlier grades stay in the organisation's history; the decider refuses an unknown organisation. */
@CommandHandler(GradeOrganisation)
export class GradeOrganisationHandler implements ICommandHandler<GradeOrganisation, OrganisationState> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ data: { principal, organisationId, grade } }: GradeOrganisation): Promise<OrganisationState> {
    const result = await handleCommand(
      this.infrastructure.eventStore,
      organisationDecider,
      organisationStreamId(organisationId),
      { type: 'GradeOrganisation', data: grade },
      commandMetadataFor(principal, this.infrastructure.clock.now()),
    );
    return result.state;
  }
}
