import { z } from 'zod';
import { departmentSchema } from '../../registry/department-registry.schema';

/** `GET /api/department-dispatch/departments`: the registry, and the whistle's default deadlines. */
export const departmentsAnswer = z.object({
  departments: z.array(departmentSchema),
  whistleDefaults: z.object({
    checkInWithinMinutes: z.number().int(),
    escalationDelaysMinutes: z.object({ district: z.number().int(), city: z.number().int() }),
  }),
});
