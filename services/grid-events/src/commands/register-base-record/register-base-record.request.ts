import type { z } from 'zod';
import { baseRecordDetails } from '@gongzhi/contracts';

/** The entry's fields by kind: exactly what its public event will carry, and nothing personal beyond a unit and a head count. */
export const registerBaseRecordRequest = baseRecordDetails;
export type RegisterBaseRecordRequest = z.output<typeof registerBaseRecordRequest>;
