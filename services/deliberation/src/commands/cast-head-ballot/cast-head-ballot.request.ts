import { z } from 'zod';
import { id } from '../../http/request-fields';

export const castHeadBallotRequest = z.object({ candidateId: id });

export type CastHeadBallotRequest = z.output<typeof castHeadBallotRequest>;
