/**
 * The one rule of what a reader may see of a case. Every read path (the case API, duplicate hints, Open311,
 * photos) asks it; the paths differ only in what they do with "hint": a duplicate hint shows category and
 * distance, every other path shows nothing at all.
 */

/** Statuses past triage: accepted by staff, so neither nonsense nor personal details are on show. */
export const PUBLIC_STATUSES: readonly string[] = ['Accepted', 'Dispatched', 'Acknowledged', 'Resolved', 'Confirmed', 'Closed', 'Merged'];

/** How the reader stands to the case; each flag was established by the caller from private records or the token. */
export interface CaseReader {
  /** The resident or grid worker who reported it. */
  readonly reporter: boolean;
  /** A resident who follows it (the reporter of a merged duplicate, or one who chose to follow). */
  readonly follower: boolean;
  /** Staff whose patch or department it is in. */
  readonly staff: boolean;
  /** The Open311 client that sent it, known by its own api_key. */
  readonly sender: boolean;
}

export const STRANGER: CaseReader = Object.freeze({ reporter: false, follower: false, staff: false, sender: false });

export interface CaseFactsForReading {
  readonly status: string;
  readonly anonymous: boolean;
  /** The reporter as the private record knows them (anonymous ones included); null for Open311 and hotline cases. */
  readonly reporterId: string | null;
  /** An anonymous reporter's choice at report time: the handling staff may see who they are. */
  readonly nameVisibleToStaff: boolean;
}

export interface CaseSight {
  /** full: description, place, photos, timeline; hint: the case's category and its distance, nothing else. */
  readonly content: 'full' | 'hint';
  /** The reporter's id as this reader may see it: their own, or the handler's when not anonymous or allowed; else null. */
  readonly reporterId: string | null;
}

export function caseSight(facts: CaseFactsForReading, reader: CaseReader): CaseSight {
  const mayReadContent = PUBLIC_STATUSES.includes(facts.status) || reader.reporter || reader.follower || reader.staff || reader.sender;
  return { content: mayReadContent ? 'full' : 'hint', reporterId: visibleReporter(facts, reader) };
}

/**
 * Residents never see someone else's id; the handlers see it unless an anonymous reporter kept it from them. An
 * anonymous case shows no id even to its reporter (`reportedByYou` tells them): the record reads the same for all.
 */
function visibleReporter(facts: CaseFactsForReading, reader: CaseReader): string | null {
  if (facts.reporterId === null) return null;
  if (facts.anonymous) return reader.staff && facts.nameVisibleToStaff ? facts.reporterId : null;
  return reader.reporter || reader.staff ? facts.reporterId : null;
}
