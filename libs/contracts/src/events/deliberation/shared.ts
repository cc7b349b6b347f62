import { id } from '../fields';

export const service = 'deliberation';

/** A vote's or a topic's id; a micro-budget vote uses its pool id (as in BallotCast). */
export const topicId = id;
