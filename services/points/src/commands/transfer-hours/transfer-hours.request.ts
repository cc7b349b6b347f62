import { z } from 'zod';
import { quarterHours, residentIdField } from '../../http/request-fields';

export const transferHoursRequest = z.object({ toResidentId: residentIdField, hours: quarterHours.max(1_000) }).strict();

export type TransferHoursRequest = z.output<typeof transferHoursRequest>;
