import { z } from 'zod';
import { presentedConsent } from '../../http/presented-consent';
import { id } from '../../http/request-fields';

export const recordAssistedBallotRequest = z.object({ residentId: id, optionId: id, consent: presentedConsent });

export type RecordAssistedBallotRequest = z.output<typeof recordAssistedBallotRequest>;
