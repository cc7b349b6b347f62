import { z } from 'zod';
import { id, text, timestamp } from '../../http/request-fields';

export const openOwnersVoteRequest = z.object({
  communityId: id,
  buildingIds: z.array(id).min(1).max(100),
  question: text(200),
  options: z
    .array(z.object({ optionId: id, label: text(100) }))
    .min(2)
    .max(20),
  /** Which majority decides: homes, floor area, or both (民法典 第278条); the result always shows both. */
  rule: z.enum(['per_home', 'floor_area', 'double_majority']),
  /** 民法典 第278条: two thirds of the homes and of the area take part. */
  quorumPercent: z.number().min(0).max(100).default(66.67),
  /** More than this share of the participating homes/area (过半数 at 50). */
  passThresholdPercent: z.number().min(0).max(100).default(50),
  closesAt: timestamp,
});

export type OpenOwnersVoteRequest = z.output<typeof openOwnersVoteRequest>;
