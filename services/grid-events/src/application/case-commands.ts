import { Inject, Injectable } from '@nestjs/common';
import { DomainError, handleCommand, toDomainEvent, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { CaseCommand } from '../domain/case/case.commands';
import { caseDecider } from '../domain/case/case.decider';
import { caseStreamId, type CaseEvent } from '../domain/case/case.events';
import type { CaseFacts, CaseState } from '../domain/case/case.state';

/** Load, decide, append for cases: the one path every use case (HTTP, Open311, policy, timer) takes. */
@Injectable()
export class CaseCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async load(caseId: string): Promise<CaseState> {
    const { events } = await this.infrastructure.eventStore.readStream(caseStreamId(caseId));
    return events.map((e) => toDomainEvent<CaseEvent>(e)).reduce(caseDecider.evolve, caseDecider.initialState());
  }

  /** The case, or CASE.NOT_FOUND (404). */
  async existing(caseId: string): Promise<CaseFacts> {
    const state = await this.load(caseId);
    if (state.status === 'None') throw new DomainError('CASE.NOT_FOUND', `no case ${caseId}`, { caseId });
    return state;
  }

  execute(caseId: string, command: CaseCommand, metadata: CommandMetadata): Promise<CommandResult<CaseState>> {
    return handleCommand(this.infrastructure.eventStore, caseDecider, caseStreamId(caseId), command, metadata);
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
