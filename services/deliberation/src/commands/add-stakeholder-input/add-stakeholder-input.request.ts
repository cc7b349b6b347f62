import { z } from 'zod';
import { text } from '../../http/request-fields';

export const addStakeholderInputRequest = z.object({ stakeholder: text(200), input: text(5000) });

export type AddStakeholderInputRequest = z.output<typeof addStakeholderInputRequest>;
