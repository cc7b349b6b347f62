import { DomainError } from '@gongzhi/eventsourcing';

export type RollScope = 'community' | 'grid' | 'building' | 'group';

/**
 * The roll of a vote from the register's verified residents of the scope at the moment voting opens.
 * A community or grid vote takes every one of them: an officer cannot leave anyone out. A building vote
 * takes the officer's roster of the building (no register knows buildings yet), and every name on it must
 * be a verified resident of the topic's grid: a made-up or unverified name is refused, not counted.
 */
export function drawRoll(scope: RollScope, verifiedResidents: readonly string[], roster: readonly string[] | null): string[] {
  const verified = new Set(verifiedResidents);
  if (scope !== 'building' && scope !== 'group') return [...verified].sort();
  const named = [...new Set(roster ?? [])];
  const strangers = named.filter((id) => !verified.has(id));
  if (strangers.length > 0) {
    throw new DomainError('VOTING.ROSTER_INVALID', `not verified residents of this topic's grid: ${strangers.join(', ')}`, {
      field: 'eligibility.roster',
      residentIds: strangers,
    });
  }
  return named.sort();
}

/** Turnout against the recorded roll, in percent to two places; never capped, so a roll too small shows. */
export function turnoutOf(ballotsCast: number, rollSize: number): number {
  return rollSize === 0 ? 0 : Math.round((ballotsCast / rollSize) * 10000) / 100;
}
