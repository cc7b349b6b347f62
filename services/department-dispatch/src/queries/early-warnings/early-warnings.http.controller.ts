import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindOptionsWhere } from 'typeorm';
import { Allow, CurrentPrincipal, hasRole, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { EarlyWarningView } from '../../read-models/early-warning.entities';
import { ApiOkFrom } from '@gongzhi/platform';
import { earlyWarningsAnswer } from './early-warnings.response';

/** 预警 as staff see them: each with its reason in plain words, the newest first, within the reader's own remit. */
@ApiTags('department-dispatch: early warnings')
@ApiBearerAuth()
@Controller('api/department-dispatch/early-warnings')
export class EarlyWarningsHttpController {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  @Get()
  @Allow('grid_worker', 'community_officer', 'street_officer', 'department_staff', 'supervisor', 'admin')
  @ApiOperation({
    summary:
      "Early warnings: problems repeating at one place, assignments likely to be late, departments missing check-ins. Street staff see their street's; department staff their department's; supervisors and admins all",
  })
  @ApiOkFrom(earlyWarningsAnswer, 'The latest 100 within your remit, newest first.')
  async list(@CurrentPrincipal() principal: Principal) {
    const where = remitOf(principal);
    const warnings = await this.infrastructure.dataSource
      .getRepository(EarlyWarningView)
      .find({ where, order: { raisedAt: 'DESC' }, take: 100 });
    return {
      warnings: warnings.map(({ reasonZh, reasonEn, ...warning }) => ({ ...warning, reason: { zh: reasonZh, en: reasonEn } })),
    };
  }
}

/** Whose warnings a staff member reads: a street's staff read its street's, a department's staff read its department's. */
function remitOf(principal: Principal): FindOptionsWhere<EarlyWarningView>[] {
  if (hasRole(principal, 'admin') || hasRole(principal, 'supervisor')) return [{}];
  const remit: FindOptionsWhere<EarlyWarningView>[] = [];
  if (
    principal.scope.streetId &&
    (hasRole(principal, 'street_officer') || hasRole(principal, 'community_officer') || hasRole(principal, 'grid_worker'))
  ) {
    remit.push({ streetId: principal.scope.streetId });
  }
  if (principal.scope.departmentId && hasRole(principal, 'department_staff')) remit.push({ departmentId: principal.scope.departmentId });
  // A staff account naming no street or department of its role reads none, rather than everything.
  return remit.length > 0 ? remit : [{ warningId: '' }];
}
