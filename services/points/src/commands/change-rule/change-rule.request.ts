import { z } from 'zod';

export const changeRuleRequest = z
  .object({ points: z.number().int().nonnegative(), dailyCap: z.number().int().nonnegative(), enabled: z.boolean() })
  .strict();

export type ChangeRuleRequest = z.output<typeof changeRuleRequest>;
