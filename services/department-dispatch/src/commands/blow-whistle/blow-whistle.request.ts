import { z } from 'zod';

const id = z.string().trim().min(1, 'required').max(100);
const text = (max: number) => z.string().trim().min(1, 'required').max(max);

export const blowWhistleRequest = z
  .object({
    title: text(200),
    description: text(4000),
    caseId: id.nullable().default(null),
    categoryCode: id.nullable().default(null),
    departmentIds: z.array(id).min(1, 'summon at least one department').max(20),
    leadDepartmentId: id,
    checkInWithinMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    escalationDelaysMinutes: z
      .object({
        district: z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60),
        city: z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60),
      })
      .optional(),
    taskWithinHours: z
      .number()
      .int()
      .min(1)
      .max(90 * 24)
      .optional(),
  })
  .superRefine((body, ctx) => {
    body.departmentIds.forEach((departmentId, index) => {
      if (body.departmentIds.indexOf(departmentId) !== index) {
        ctx.addIssue({ code: 'custom', path: ['departmentIds', index], message: `${departmentId} is listed twice` });
      }
    });
    if (body.departmentIds.length > 0 && !body.departmentIds.includes(body.leadDepartmentId)) {
      ctx.addIssue({ code: 'custom', path: ['leadDepartmentId'], message: 'must be one of departmentIds' });
    }
  });

export type BlowWhistleRequest = z.output<typeof blowWhistleRequest>;
