import { In } from 'typeorm';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { assignmentDecider, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import type { AssignmentEvent } from '../../domain/assignment/assignment.events';
import { whistleDecider, whistleStreamId } from '../../domain/whistle/whistle.decider';
import type { WhistleEvent } from '../../domain/whistle/whistle.events';
import { CaseAssignment, EscalatedCase } from '../../read-models/escalated-case.entity';
import { AssignmentView, WhistleDepartmentView, WhistleView } from '../../read-models/work-views.entity';
import { assertMaySee, DEPARTMENT_WATCHERS, STREET_STAFF } from '../../application/visibility';
import { whistleView } from './whistle.view';
import { ApiOkFrom } from '@gongzhi/platform';
import { assignmentsAnswer, departmentWhistlesAnswer, streetWhistlesAnswer, whistleAnswer } from './work-queries.response';

/** The department inbox, the street's whistle board, and single assignments and whistles as their streams say. */
@ApiTags('department-dispatch: work')
@ApiBearerAuth()
@Controller('api/department-dispatch')
export class WorkQueriesHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get('departments/:departmentId/assignments')
  @Allow(...DEPARTMENT_WATCHERS)
  @ApiOperation({
    summary:
      "A department's assignments (inbox), newest first; reopenReason: why a resident reopened the case, on an assignment the reopening created (else null)",
  })
  @ApiOkFrom(assignmentsAnswer, 'The latest 200, newest first.')
  async assignmentsOf(@Param('departmentId') departmentId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySee(principal, [{ kind: 'department', id: departmentId }]);
    const views = await this.repo(AssignmentView).find({ where: { departmentId }, order: { createdAt: 'DESC' }, take: 200 });
    const reasons = await this.reopenReasons(views.map((v) => v.assignmentId));
    return { assignments: views.map((view) => ({ ...view, reopenReason: reasons.get(view.assignmentId) ?? null })) };
  }

  @Get('departments/:departmentId/whistles')
  @Allow(...DEPARTMENT_WATCHERS)
  @ApiOperation({ summary: 'Whistles that summoned a department, with its check-in and task' })
  @ApiOkFrom(departmentWhistlesAnswer, 'The latest 200, newest first.')
  async whistlesOfDepartment(@Param('departmentId') departmentId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySee(principal, [{ kind: 'department', id: departmentId }]);
    const whistles = await this.repo(WhistleDepartmentView).find({ where: { departmentId }, order: { blownAt: 'DESC' }, take: 200 });
    return { whistles };
  }

  @Get('streets/:streetId/whistles')
  @Allow(...STREET_STAFF)
  @ApiOperation({ summary: "The street's whistle board" })
  @ApiOkFrom(streetWhistlesAnswer, 'The latest 200, newest first.')
  async whistlesOfStreet(@Param('streetId') streetId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySee(principal, [{ kind: 'street', id: streetId }]);
    const whistles = await this.repo(WhistleView).find({ where: { streetId }, order: { blownAt: 'DESC' }, take: 200 });
    return { whistles };
  }

  @Get('streets/:streetId/escalated-cases')
  @Allow(...STREET_STAFF)
  @ApiOperation({ summary: 'Cases grid-events escalated to the street, to blow the whistle on' })
  async escalatedCases(@Param('streetId') streetId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySee(principal, [{ kind: 'street', id: streetId }]);
    const cases = await this.repo(EscalatedCase).find({ where: { streetId }, order: { escalatedAt: 'DESC' }, take: 200 });
    return { cases };
  }

  @Get('assignments/:assignmentId')
  @Allow(...DEPARTMENT_WATCHERS)
  @ApiOperation({ summary: 'One assignment' })
  async assignment(@Param('assignmentId') assignmentId: string, @CurrentPrincipal() principal: Principal) {
    const { events } = await this.infrastructure.eventStore.readStream(assignmentStreamId(assignmentId));
    const state = fold(
      assignmentDecider,
      events.map((e) => toDomainEvent<AssignmentEvent>(e)),
    );
    if (state.status === 'None') throw new DomainError('ASSIGNMENT.NOT_FOUND', `No assignment ${assignmentId}`);
    assertMaySee(principal, [{ kind: 'department', id: state.departmentId }]);
    const reasons = await this.reopenReasons([assignmentId]);
    return { ...state, reopenReason: reasons.get(assignmentId) ?? null };
  }

  @Get('whistles/:whistleId')
  @Allow(...STREET_STAFF, 'department_staff')
  @ApiOperation({ summary: 'One whistle: each department’s check-in, escalation and task' })
  @ApiOkFrom(whistleAnswer, 'The whistle as its stream says.')
  async whistle(@Param('whistleId') whistleId: string, @CurrentPrincipal() principal: Principal) {
    const { events } = await this.infrastructure.eventStore.readStream(whistleStreamId(whistleId));
    const state = fold(
      whistleDecider,
      events.map((e) => toDomainEvent<WhistleEvent>(e)),
    );
    if (state.status === 'None') throw new DomainError('WHISTLE.NOT_FOUND', `No whistle ${whistleId}`);
    assertMaySee(principal, [
      { kind: 'street', id: state.streetId },
      ...state.departmentIds.map((id) => ({ kind: 'department' as const, id })),
    ]);
    return whistleView(state);
  }

  /** The residents' reasons on assignments created by a reopening of their case (recorded by the case policy). */
  private async reopenReasons(assignmentIds: readonly string[]): Promise<Map<string, string>> {
    if (assignmentIds.length === 0) return new Map();
    const rows = await this.repo(CaseAssignment).find({ where: { assignmentId: In([...assignmentIds]) } });
    return new Map(rows.flatMap((row) => (row.reopenReason === null ? [] : [[row.assignmentId, row.reopenReason] as const])));
  }

  private repo<T extends object>(entity: new () => T) {
    return this.infrastructure.dataSource.getRepository(entity);
  }
}
