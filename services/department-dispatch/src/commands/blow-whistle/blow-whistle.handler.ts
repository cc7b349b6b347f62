import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { assertInScope, commandMetadataFor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { WhistleCommands } from '../../application/whistle-commands';
import { DEFAULT_TASK_WITHIN_HOURS } from '../../domain/whistle/task-deadline';
import type { BlowWhistle as BlowWhistleCommand } from '../../domain/whistle/whistle.commands';
import { whistleView, type PresentedWhistle } from '../../queries/work/whistle.view';
import { EscalatedCase } from '../../read-models/escalated-case.entity';
import { DepartmentRegistry } from '../../registry/department-registry';
import { BlowWhistle } from './blow-whistle.command';

/**
 * 吹哨 on the officer's own street, on a case escalated there (or a new problem): deadlines the form leaves
 * out come from the registry, the escalation chain runs up to the officer's district and city.
 */
@CommandHandler(BlowWhistle)
export class BlowWhistleHandler implements ICommandHandler<BlowWhistle, PresentedWhistle> {
  constructor(
    private readonly whistles: WhistleCommands,
    private readonly registry: DepartmentRegistry,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async execute({ data: { streetId, principal, request } }: BlowWhistle): Promise<PresentedWhistle> {
    assertInScope(principal, 'street', streetId);
    const { cityId, districtId } = principal.scope;
    if (!cityId || !districtId) {
      throw new DomainError('WHISTLE.FORBIDDEN', 'Your account names no district and city, so a missed check-in could not be escalated');
    }
    if (request.caseId) await this.assertCaseOfStreet(request.caseId, streetId);
    const defaults = this.registry.whistleDefaults;
    const now = this.whistles.now();
    const whistleId = uuidv7(now.getTime());
    const command: BlowWhistleCommand = {
      type: 'BlowWhistle',
      data: {
        whistleId,
        caseId: request.caseId,
        categoryCode: request.categoryCode,
        cityId,
        districtId,
        streetId,
        title: request.title,
        description: request.description,
        departmentIds: request.departmentIds,
        leadDepartmentId: request.leadDepartmentId,
        checkInWithinMinutes: request.checkInWithinMinutes ?? defaults.checkInWithinMinutes,
        escalationDelaysMinutes: request.escalationDelaysMinutes ?? defaults.escalationDelaysMinutes,
        taskWithinHours: Object.fromEntries(request.departmentIds.map((id) => [id, request.taskWithinHours ?? this.taskWithinHoursOf(id)])),
      },
    };
    const result = await this.whistles.execute(whistleId, command, commandMetadataFor(principal, now), {
      actorStreetId: principal.scope.streetId,
    });
    return whistleView(result.state);
  }

  /** An id the registry does not know gets a figure only to keep the command whole: the decider refuses it (WHISTLE.UNKNOWN_DEPARTMENT). */
  private taskWithinHoursOf(departmentId: string): number {
    return this.registry.department(departmentId)?.taskWithinHours ?? DEFAULT_TASK_WITHIN_HOURS;
  }

  /** A case escalated to another street is not this street's to whistle on. */
  private async assertCaseOfStreet(caseId: string, streetId: string): Promise<void> {
    const escalated = await this.infrastructure.dataSource.getRepository(EscalatedCase).findOneBy({ caseId });
    if (escalated && escalated.streetId !== streetId) {
      throw new DomainError('WHISTLE.FORBIDDEN', `Case ${caseId} was escalated to ${escalated.streetId}, not to ${streetId}`, {
        field: 'caseId',
      });
    }
  }
}
