import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import type { Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { WhistleCommand } from '../domain/whistle/whistle.commands';
import { whistleDecider, whistleStreamId } from '../domain/whistle/whistle.decider';
import type { WhistleState } from '../domain/whistle/whistle.state';
import { DepartmentRegistry } from '../registry/department-registry';

/** Who acts on a whistle, as the decider judges it; empty for a durable timer. */
export interface WhistleActorScope {
  readonly actorDepartmentId?: string;
  readonly actorStreetId?: string;
}

/** The department and street a principal acts for. */
export const actorScopeOf = (principal: Principal): WhistleActorScope => ({
  actorDepartmentId: principal.scope.departmentId,
  actorStreetId: principal.scope.streetId,
});

/** Load, decide, append for whistles: the one path every use case (HTTP, durable timer) takes. */
@Injectable()
export class WhistleCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly registry: DepartmentRegistry,
  ) {}

  execute(
    whistleId: string,
    command: WhistleCommand,
    metadata: CommandMetadata,
    scope: WhistleActorScope = {},
  ): Promise<CommandResult<WhistleState>> {
    return handleCommand(this.infrastructure.eventStore, whistleDecider, whistleStreamId(whistleId), command, metadata, {
      ...scope,
      isDepartment: (id: string) => this.registry.has(id),
    });
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
