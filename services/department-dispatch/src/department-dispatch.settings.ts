import { textVariable } from '@gongzhi/platform';
import { z } from 'zod';
import { DepartmentRegistry, DEPARTMENTS_FILE_VARIABLE } from './registry/department-registry';

export interface DepartmentDispatchSettings {
  /** The departments, routing rules and whistle defaults: the file GONGZHI_DEPARTMENTS_FILE names, else the demo city's. */
  readonly registry: DepartmentRegistry;
}

/** department-dispatch's variables; the host checks them with every other service's, so a bad file is named with the rest. */
export const departmentDispatchSettingsSchema = z
  .object({ [DEPARTMENTS_FILE_VARIABLE]: textVariable('expected a JSON file of departments').optional() })
  .transform((env, ctx): DepartmentDispatchSettings => {
    const path = env[DEPARTMENTS_FILE_VARIABLE];
    if (!path) return { registry: DepartmentRegistry.demoCity() };
    try {
      return { registry: DepartmentRegistry.fromFile(path) };
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: [DEPARTMENTS_FILE_VARIABLE], message: (error as Error).message });
      return z.NEVER;
    }
  });
