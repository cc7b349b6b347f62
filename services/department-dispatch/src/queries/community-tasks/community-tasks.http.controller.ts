import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, authorityCovers, cityTree, CurrentPrincipal, ForbiddenError, hasRole, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { assertMaySee, DEPARTMENT_WATCHERS } from '../../application/visibility';
import { CommunityTaskView } from '../../read-models/community-task-view.entity';
import { loadOf } from './task-load';
import { ApiOkFrom } from '@gongzhi/platform';
import { communityTasksAnswer, pushedTasksAnswer, streetTaskLoadAnswer } from './community-tasks.response';

/** 上面千条线，下面一根针: the tasks departments push down, as the community, its street and the departments see them. */
@ApiTags('department-dispatch: community tasks')
@ApiBearerAuth()
@Controller('api/department-dispatch')
export class CommunityTasksHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get('communities/:communityId/tasks')
  @Allow('community_officer', 'street_officer', 'supervisor', 'admin')
  @ApiOperation({ summary: "A community's pushed tasks (open ones first, soonest due first) and its load by source department" })
  @ApiOkFrom(communityTasksAnswer, 'The load and the tasks.')
  async tasksOfCommunity(@Param('communityId') communityId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySeeCommunity(principal, communityId);
    const tasks = await this.infrastructure.dataSource.getRepository(CommunityTaskView).find({ where: { communityId } });
    const open = tasks.filter((t) => t.completedAt === null).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const done = tasks.filter((t) => t.completedAt !== null).sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
    return { load: loadOf(communityId, tasks, this.infrastructure.clock.now()), tasks: [...open, ...done] };
  }

  @Get('streets/:streetId/task-load')
  @Allow('street_officer', 'supervisor', 'admin')
  @ApiOperation({ summary: "Each community's load of pushed tasks on a street, heaviest first: the street's case to argue it" })
  @ApiOkFrom(streetTaskLoadAnswer, 'Heaviest first.')
  async loadOfStreet(@Param('streetId') streetId: string, @CurrentPrincipal() principal: Principal) {
    if (!hasRole(principal, 'admin') && !authorityCovers(principal, cityTree().placeOfStreet(streetId), ['street_officer', 'supervisor'])) {
      throw new ForbiddenError(`only the officers of ${streetId} and their supervisors see its communities' load`);
    }
    const tasks = await this.infrastructure.dataSource.getRepository(CommunityTaskView).find({ where: { streetId } });
    const now = this.infrastructure.clock.now();
    const byCommunity = new Map<string, CommunityTaskView[]>();
    for (const task of tasks) byCommunity.set(task.communityId, [...(byCommunity.get(task.communityId) ?? []), task]);
    const communities = [...byCommunity].map(([communityId, of]) => loadOf(communityId, of, now));
    communities.sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.communityId.localeCompare(b.communityId));
    return { streetId, communities };
  }

  @Get('departments/:departmentId/community-tasks')
  @Allow(...DEPARTMENT_WATCHERS)
  @ApiOperation({ summary: 'The tasks a department pushed down to communities, newest first' })
  @ApiOkFrom(pushedTasksAnswer, 'The latest 500, newest first.')
  async pushedBy(@Param('departmentId') departmentId: string, @CurrentPrincipal() principal: Principal) {
    assertMaySee(principal, [{ kind: 'department', id: departmentId }]);
    const tasks = await this.infrastructure.dataSource
      .getRepository(CommunityTaskView)
      .find({ where: { sourceDepartmentId: departmentId }, order: { pushedAt: 'DESC' }, take: 500 });
    return { tasks };
  }
}

/** The community's own officers, and the street officers and supervisors over it; never another community's officers. */
function assertMaySeeCommunity(principal: Principal, communityId: string): void {
  if (hasRole(principal, 'admin')) return;
  if (hasRole(principal, 'community_officer') && principal.scope.communityId === communityId) return;
  if (authorityCovers(principal, cityTree().placeOfCommunity(communityId), ['street_officer', 'supervisor'])) return;
  throw new ForbiddenError(`only the officers of ${communityId}, its street and their supervisors see its tasks`);
}
