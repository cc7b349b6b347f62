import { z } from 'zod';
import { DEFAULT_TASK_WITHIN_HOURS } from '../domain/whistle/task-deadline';

const id = z.string().trim().min(1);
const clockTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM (24:00 for the end of the day)');

export const dutyShiftSchema = z.object({
  name: z.string().min(1),
  phone: z.string().min(1),
  /** 1 = Monday … 7 = Sunday, in the city's time (Asia/Shanghai). */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  from: clockTime,
  to: clockTime,
});

export const departmentSchema = z.object({
  id,
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Category codes of the service catalogue this department handles. */
  categories: z.array(id),
  /** Hours from a whistle check-in to the department's task deadline, unless the whistle says otherwise. */
  taskWithinHours: z.number().int().positive().default(DEFAULT_TASK_WITHIN_HOURS),
  dutyRoster: z.array(dutyShiftSchema).default([]),
});

export const routingRuleSchema = z.object({
  categoryCode: id,
  leadDepartmentId: id,
  coDepartmentIds: z.array(id).default([]),
});

export const registryFileSchema = z
  .object({
    whistle: z
      .object({
        checkInWithinMinutes: z.number().int().positive().default(30),
        escalationDelaysMinutes: z
          .object({ district: z.number().int().positive(), city: z.number().int().positive() })
          .default({ district: 30, city: 60 }),
      })
      .prefault({}),
    departments: z.array(departmentSchema).min(1),
    routing: z.array(routingRuleSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const known = new Set<string>();
    file.departments.forEach((d, i) => {
      if (known.has(d.id)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'id'], message: `${d.id} is listed twice` });
      known.add(d.id);
    });
    const routed = new Set<string>();
    file.routing.forEach((rule, i) => {
      if (routed.has(rule.categoryCode)) {
        ctx.addIssue({ code: 'custom', path: ['routing', i, 'categoryCode'], message: `${rule.categoryCode} has two rules` });
      }
      routed.add(rule.categoryCode);
      if (!known.has(rule.leadDepartmentId)) {
        ctx.addIssue({ code: 'custom', path: ['routing', i, 'leadDepartmentId'], message: `unknown department ${rule.leadDepartmentId}` });
      }
      rule.coDepartmentIds.forEach((co, j) => {
        if (!known.has(co) || co === rule.leadDepartmentId) {
          ctx.addIssue({ code: 'custom', path: ['routing', i, 'coDepartmentIds', j], message: `unknown or lead department ${co}` });
        }
      });
    });
  });

export type RegistryFile = z.output<typeof registryFileSchema>;
export type Department = z.output<typeof departmentSchema>;
export type DutyShift = z.output<typeof dutyShiftSchema>;
export type RoutingRule = z.output<typeof routingRuleSchema>;
