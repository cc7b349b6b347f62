import { z } from 'zod';
import { quarterHours, residentIdField } from '../../http/request-fields';

export const logHoursRequest = z
  .object({
    serviceDate: z.iso.date(),
    hours: quarterHours.max(24, 'a day has 24 hours'),
    activity: z.string().trim().min(1).max(200),
    verifierId: residentIdField.describe('The organiser or the recipient, who verifies the hours.'),
  })
  .strict();

export type LogHoursRequest = z.output<typeof logHoursRequest>;
