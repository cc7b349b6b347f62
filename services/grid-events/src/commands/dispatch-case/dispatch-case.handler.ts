import { Inject } from '@nestjs/common';
import { commandMetadataFor } from '@gongzhi/identity';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { assertStreetOrCommunityOfficer, assertTriagesHere, placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import type { Assignee } from '../../domain/case/case.commands';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { DispatchCase, EscalateCase } from './dispatch-case.command';

/** 分派: to a worker of the case's grid, or to a department (the category's lead department by default), with SLA deadlines. */
@CommandHandler(DispatchCase)
export class DispatchCaseHandler implements ICommandHandler<DispatchCase, Assignee> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, request } }: DispatchCase): Promise<Assignee> {
    const state = await this.cases.existing(caseId);
    const grid = this.reference.grid(state.report.gridId);
    assertTriagesHere(principal, placeOf(grid), 'dispatch');
    const category = this.reference.category(state.categoryCode);
    let assignee: Assignee;
    if (request.assigneeKind === 'grid_worker') {
      const worker = request.assigneeId ? grid.grid.gridWorkers.find((w) => w.id === request.assigneeId) : grid.grid.gridWorkers[0];
      if (!worker) {
        throw new DomainError('GRID_WORKER.UNKNOWN', `${request.assigneeId ?? 'nobody'} is not a grid worker of ${grid.grid.id}`, {
          field: 'assigneeId',
        });
      }
      assignee = { kind: 'grid_worker', id: worker.id, departmentId: null };
    } else {
      const department = this.reference.department(request.departmentId ?? category.leadDepartmentId);
      assignee = { kind: 'department', id: department.id, departmentId: department.id };
    }
    await this.cases.execute(
      caseId,
      {
        type: 'DispatchCase',
        data: { assignee, acknowledgeWithinHours: category.acknowledgeWithinHours, resolveWithinHours: category.resolveWithinHours },
      },
      commandMetadataFor(principal, this.cases.now()),
    );
    return assignee;
  }
}

/** 吹哨: a problem several departments must solve together goes up to the street. */
@CommandHandler(EscalateCase)
export class EscalateCaseHandler implements ICommandHandler<EscalateCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, request } }: EscalateCase): Promise<void> {
    const state = await this.cases.existing(caseId);
    assertStreetOrCommunityOfficer(principal, placeOf(this.reference.grid(state.report.gridId)), 'escalate');
    request.departmentIds.forEach((id) => this.reference.department(id));
    await this.cases.execute(caseId, { type: 'EscalateCase', data: request }, commandMetadataFor(principal, this.cases.now()));
  }
}
