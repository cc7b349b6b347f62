import { z } from 'zod';

export const announceRulePhaseRequest = z
  .object({
    from: z.iso.date().describe('The first day of the new reward, in city time (Asia/Shanghai); after today.'),
    reward: z.enum(['material', 'honour']),
    points: z.number().int().nonnegative().optional().describe('Points per unit from that day; required for a material phase.'),
    honourName: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .describe('The honour mention given instead of points; required for an honour phase.'),
    note: z.string().trim().max(500).optional().describe('What residents are told, in plain words.'),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.reward === 'honour' && !body.honourName) {
      ctx.addIssue({
        code: 'custom',
        path: ['honourName'],
        message: 'an honour phase names the honour residents receive instead of points',
      });
    }
    if (body.reward === 'honour' && body.points !== undefined && body.points !== 0) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'an honour phase gives no points' });
    }
    if (body.reward === 'material' && body.points === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'a material phase says how many points it gives' });
    }
  });

export type AnnounceRulePhaseRequest = z.output<typeof announceRulePhaseRequest>;
