import type { ServiceDefinition } from '@gongzhi/runtime';
import { DepartmentDispatchModule } from './department-dispatch.module';
import { departmentDispatchSettingsSchema, type DepartmentDispatchSettings } from './department-dispatch.settings';
import { CommunityTaskView } from './read-models/community-task-view.entity';
import { DepartmentScore } from './read-models/department-score.entity';
import { EarlyWarningView, MissedCheckInRow, ReportedPlaceRow } from './read-models/early-warning.entities';
import { CaseAssignee, CaseAssignment, CasePlace, EscalatedCase } from './read-models/escalated-case.entity';
import { AssignmentView, WhistleDepartmentView, WhistleView } from './read-models/work-views.entity';
import { MIGRATIONS } from './migrations';

/** 吹哨报到: departments, their assignments, the whistle and its escalation chain, the department scoreboard. */
export const departmentDispatchService: ServiceDefinition<DepartmentDispatchSettings> = {
  name: 'department-dispatch',
  entities: [
    AssignmentView,
    WhistleView,
    WhistleDepartmentView,
    DepartmentScore,
    EscalatedCase,
    CasePlace,
    CaseAssignment,
    CaseAssignee,
    CommunityTaskView,
    EarlyWarningView,
    ReportedPlaceRow,
    MissedCheckInRow,
  ],
  migrations: MIGRATIONS,
  settings: departmentDispatchSettingsSchema,
  module: (infrastructure, { registry }) => DepartmentDispatchModule.register(infrastructure, registry),
};

export { DepartmentDispatchRuntime } from './department-dispatch.runtime';
export { earlyWarningsAnswer } from './queries/early-warnings/early-warnings.response';
export { DepartmentRegistry, DEPARTMENTS_FILE_VARIABLE } from './registry/department-registry';
export { departmentDispatchSettingsSchema, type DepartmentDispatchSettings } from './department-dispatch.settings';
