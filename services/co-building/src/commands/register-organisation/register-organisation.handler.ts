import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, commandMetadataFor, hasRole } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { organisationDecider, organisationStreamId, type OrganisationState } from '../../domain/organisation/organisation.decider';
import { RegisterOrganisation } from './register-organisation.command';

/** A community officer registers organisations of their own community only; street officers and admins anywhere. */
@CommandHandler(RegisterOrganisation)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisation, OrganisationState> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ data: { principal, organisation } }: RegisterOrganisation): Promise<OrganisationState> {
    if (hasRole(principal, 'community_officer') && !hasRole(principal, 'admin') && !hasRole(principal, 'street_officer')) {
      assertInScope(principal, 'community', organisation.communityId);
    }
    const now = this.infrastructure.clock.now();
    const organisationId = uuidv7(now.getTime());
    const result = await handleCommand(
      this.infrastructure.eventStore,
      organisationDecider,
      organisationStreamId(organisationId),
      { type: 'RegisterOrganisation', data: { organisationId, ...organisation } },
      commandMetadataFor(principal, now),
    );
    return result.state;
  }
}
