import { z } from 'zod';

export const dispatchCaseRequest = z.discriminatedUnion('assigneeKind', [
  z.object({ assigneeKind: z.literal('grid_worker'), assigneeId: z.string().min(1).optional() }),
  z.object({ assigneeKind: z.literal('department'), departmentId: z.string().min(1).optional() }),
]);
export type DispatchCaseRequest = z.output<typeof dispatchCaseRequest>;

export const escalateCaseRequest = z.object({
  departmentIds: z.array(z.string().min(1)).min(2, { error: 'a cross-department problem names at least two departments' }),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type EscalateCaseRequest = z.output<typeof escalateCaseRequest>;
