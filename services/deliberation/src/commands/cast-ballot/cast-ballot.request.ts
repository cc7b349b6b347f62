import { z } from 'zod';
import { id } from '../../http/request-fields';

export const castBallotRequest = z.object({ optionId: id });

export type CastBallotRequest = z.output<typeof castBallotRequest>;
