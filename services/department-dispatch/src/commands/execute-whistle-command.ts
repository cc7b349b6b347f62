import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { WhistleCommand } from '../domain/whistle/whistle.commands';
import { whistleDecider, whistleStreamId } from '../domain/whistle/whistle.decider';
import type { WhistleState } from '../domain/whistle/whistle.state';
import { DepartmentRegistry } from '../registry/department-registry';

export interface WhistleActorScope {
  readonly actorDepartmentId?: string;
  readonly actorStreetId?: string;
}

/** Any command on one whistle, as a controller or a durable timer issues it. */
export class ExecuteWhistleCommand extends Command<CommandResult<WhistleState>> {
  constructor(
    readonly whistleId: string,
    readonly command: WhistleCommand,
    readonly metadata: CommandMetadata,
    readonly scope: WhistleActorScope = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteWhistleCommand)
export class ExecuteWhistleCommandHandler implements ICommandHandler<ExecuteWhistleCommand> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly registry: DepartmentRegistry,
  ) {}

  execute({ whistleId, command, metadata, scope }: ExecuteWhistleCommand): Promise<CommandResult<WhistleState>> {
    return handleCommand(this.infrastructure.eventStore, whistleDecider, whistleStreamId(whistleId), command, metadata, {
      ...scope,
      isDepartment: (id: string) => this.registry.has(id),
    });
  }
}
