import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { DepartmentRegistry } from '../../registry/department-registry';
import { ApiOkFrom } from '@gongzhi/platform';
import { departmentsAnswer } from './departments.response';

/** The department registry and the routing rules, for the staff console and the whistle form. */
@ApiTags('department-dispatch: departments')
@ApiBearerAuth()
@Controller('api/department-dispatch')
export class DepartmentsHttpController {
  constructor(
    private readonly registry: DepartmentRegistry,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Get('departments')
  @ApiOperation({ summary: 'Departments: names, categories handled, duty roster' })
  @ApiOkFrom(departmentsAnswer, 'Every department of the registry.')
  list() {
    return { departments: this.registry.list(), whistleDefaults: this.registry.whistleDefaults };
  }

  @Get('departments/:departmentId')
  @ApiOperation({ summary: 'One department, with who is on duty now' })
  one(@Param('departmentId') departmentId: string) {
    const department = this.registry.department(departmentId);
    if (!department) throw new DomainError('DEPARTMENT.NOT_FOUND', `No department ${departmentId}`);
    return { ...department, onDutyNow: this.registry.onDuty(departmentId, this.infrastructure.clock.now()) };
  }

  @Get('routing/:categoryCode')
  @ApiOperation({ summary: 'The lead and co-departments of a category' })
  route(@Param('categoryCode') categoryCode: string) {
    const rule = this.registry.route(categoryCode);
    if (!rule) throw new DomainError('ROUTING.NOT_FOUND', `No department handles ${categoryCode}`);
    return rule;
  }
}
