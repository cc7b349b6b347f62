import { Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, type ICommand } from '@nestjs/cqrs';
import { PlatformMetrics } from '@gongzhi/platform';

/**
 * The name a command is counted under. Services send some commands as a wrapper that carries a domain command
 * (`ExecuteCaseCommand` with `{ type: 'AcknowledgeCase' }`, itself or in its `{ type, data }`): those count under the domain command's type.
 */
export function commandName(command: ICommand): string {
  const carrier = command as { command?: { type?: unknown }; data?: { command?: { type?: unknown } } };
  const inner = (carrier.data?.command ?? carrier.command)?.type;
  return typeof inner === 'string' ? inner : command.constructor.name;
}

/**
 * Counts every command that goes through the process's CommandBus in `gongzhi_commands_total`, by command and
 * outcome (ok, rejected by a domain rule, concurrency conflict, error). @nestjs/cqrs has no hook that sees a
 * command's outcome (its publisher hears of a command before it runs), so the bus's `execute` is wrapped once,
 * when the application has started. Without the platform's metrics (a bare test module) it does nothing.
 */
@Injectable()
export class CommandMetrics implements OnApplicationBootstrap {
  private wrapped = false;

  constructor(
    private readonly commands: CommandBus,
    @Optional() private readonly metrics?: PlatformMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const metrics = this.metrics;
    if (!metrics || this.wrapped) return;
    this.wrapped = true;
    const execute = this.commands.execute.bind(this.commands);
    this.commands.execute = ((command: ICommand, context?: unknown) =>
      metrics.trackCommand(commandName(command), () =>
        (execute as (c: ICommand, x?: unknown) => Promise<unknown>)(command, context),
      )) as CommandBus['execute'];
  }
}
