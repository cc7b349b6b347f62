import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { AssignmentsHttpController } from './commands/assignments/assignments.http.controller';
import { ExecuteAssignmentCommandHandler } from './commands/execute-assignment-command';
import { ExecuteWhistleCommandHandler } from './commands/execute-whistle-command';
import { BlowWhistleHttpController } from './commands/whistles/blow-whistle.http.controller';
import { WhistleWorkHttpController } from './commands/whistles/whistle-work.http.controller';
import { DepartmentDispatchRuntime } from './department-dispatch.runtime';
import { departmentDispatchErrorStatuses } from './http/department-dispatch-error-statuses';
import { DepartmentsHttpController } from './queries/departments.http.controller';
import { ScoreboardHttpController } from './queries/scoreboard.http.controller';
import { WorkQueriesHttpController } from './queries/work-queries.http.controller';
import { DepartmentRegistry } from './registry/department-registry';

@Module({})
export class DepartmentDispatchModule {
  static register(infrastructure: ServiceInfrastructure, registry: DepartmentRegistry): DynamicModule {
    return {
      module: DepartmentDispatchModule,
      controllers: [
        DepartmentsHttpController,
        AssignmentsHttpController,
        BlowWhistleHttpController,
        WhistleWorkHttpController,
        WorkQueriesHttpController,
        ScoreboardHttpController,
      ],
      providers: [
        { provide: SERVICE_INFRASTRUCTURE, useValue: infrastructure },
        departmentDispatchErrorStatuses,
        { provide: DepartmentRegistry, useValue: registry },
        ExecuteAssignmentCommandHandler,
        ExecuteWhistleCommandHandler,
        DepartmentDispatchRuntime,
      ],
      exports: [DepartmentDispatchRuntime],
    };
  }
}
