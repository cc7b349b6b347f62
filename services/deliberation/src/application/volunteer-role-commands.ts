import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { DataSource } from 'typeorm';
import type { VolunteerRole } from '@gongzhi/contracts';
import type { Caller } from '../domain/caller';
import type { Candidate } from '../domain/volunteer-roles/pick-from-pool';
import {
  volunteerRolesDecider,
  volunteerRolesStreamId,
  type VolunteerRolesCommand,
  type VolunteerRolesEvent,
  type VolunteerRolesState,
} from '../domain/volunteer-roles/volunteer-roles.decider';
import { ResidentPrivilegesView } from '../privileges/privileges-views.entity';

/** Load, decide, append for a resident's volunteer roles; and what a pick of them is checked against. */
@Injectable()
export class VolunteerRoleCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute(residentId: string, command: VolunteerRolesCommand, caller: Caller): Promise<CommandResult<VolunteerRolesState>> {
    return handleCommand(
      this.infrastructure.eventStore,
      volunteerRolesDecider,
      volunteerRolesStreamId(residentId),
      command,
      commandMetadataFor(caller, this.infrastructure.clock.now()),
      { caller },
    );
  }

  async roles(residentId: string): Promise<VolunteerRolesState> {
    const { events } = await this.infrastructure.eventStore.readStream(volunteerRolesStreamId(residentId));
    return fold(
      volunteerRolesDecider,
      events.map((e) => toDomainEvent<VolunteerRolesEvent>(e)),
    );
  }

  /** The resident's level as points last announced it; a resident points never announced holds the first level. */
  async level(residentId: string): Promise<ResidentPrivilegesView | null> {
    return (this.infrastructure.dataSource as DataSource).getRepository(ResidentPrivilegesView).findOneBy({ residentId });
  }

  /** The opt-in is read from the resident's own stream, so a withdrawal counts at once; the level from the projection. */
  async candidate(residentId: string, role: VolunteerRole): Promise<Candidate> {
    const [roles, level] = await Promise.all([this.roles(residentId), this.level(residentId)]);
    return { residentId, standingIn: roles.standing[role] ?? null, privileges: level?.privileges ?? [] };
  }
}
