import { z } from 'zod';
import { id } from '../../http/request-fields';

export const castOwnersBallotRequest = z.object({ optionId: id });

export type CastOwnersBallotRequest = z.output<typeof castOwnersBallotRequest>;
