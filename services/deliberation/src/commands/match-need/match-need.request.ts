import { z } from 'zod';
import { text, wholeYuan } from '../../http/request-fields';

export const matchNeedRequest = z.object({ provider: text(200), costYuan: wholeYuan.describe('Cost in whole yuan.') });

export type MatchNeedRequest = z.output<typeof matchNeedRequest>;
