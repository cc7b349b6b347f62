import { z } from 'zod';
import { text } from '../../http/request-fields';

export const recordMinutesRequest = z.object({ minutes: text(20_000) });

export type RecordMinutesRequest = z.output<typeof recordMinutesRequest>;
