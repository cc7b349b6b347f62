import { z } from 'zod';
import { id } from '../../http/request-fields';

export const recordAttendanceRequest = z.object({
  residentIds: z.array(id).min(1).max(1000),
  participation: z.enum(['in_person', 'online', 'assisted']).default('in_person'),
});

export type RecordAttendanceRequest = z.output<typeof recordAttendanceRequest>;
