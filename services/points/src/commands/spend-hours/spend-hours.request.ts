import { z } from 'zod';
import { quarterHours, residentIdField } from '../../http/request-fields';

export const spendHoursRequest = z
  .object({ hours: quarterHours.max(1_000), providerId: residentIdField, serviceDescription: z.string().trim().min(1).max(200) })
  .strict();

export type SpendHoursRequest = z.output<typeof spendHoursRequest>;
