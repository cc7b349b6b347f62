import { juryOf } from './contest.events';
import type { BuildingTally, IdeaEntry, RunningContest } from './contest.state';

export interface Standing {
  readonly rank: number;
  readonly kind: 'idea' | 'building' | 'team' | 'resident';
  readonly subjectId: string;
  readonly label: string;
  readonly score: number;
}

export interface Prize {
  readonly residentId: string;
  readonly points: number;
  readonly reasons: string[];
}

/** Cleanliness counts most; a building's acts count per resident, so a big building does not win by size alone. */
export function buildingScore(tally: BuildingTally): number {
  const cleanliness = tally.cleanlinessRatings === 0 ? 0 : (tally.cleanlinessSum / tally.cleanlinessRatings) * 20;
  const activity = tally.residents === 0 ? 0 : ((tally.validReports + tally.participation) / tally.residents) * 10;
  return Math.round((cleanliness + activity) * 10) / 10;
}

type Unranked = Omit<Standing, 'rank'> & { readonly tieBreak: string | number };

/** Highest score first; a tie goes to the earlier idea, else by name or id, so the same events always rank the same way. */
function ranked(rows: readonly Unranked[]): Standing[] {
  return [...rows]
    .sort((a, b) => b.score - a.score || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0))
    .map(({ tieBreak: _tieBreak, ...row }, index) => ({ ...row, rank: index + 1 }));
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A jury's idea scores the mean of its jurors' scores (an idea no juror scored: zero); else its votes. */
const ideaScore = (entry: IdeaEntry, jury: boolean) =>
  jury ? (entry.scoreCount ? round2(entry.scoreSum / entry.scoreCount) : 0) : entry.votes;

/** The standings of a contest: a pure function of its events, so a replay ranks exactly as the live contest did. */
export function standingsOf(state: RunningContest): Standing[] {
  const { contest } = state;
  switch (contest.kind) {
    case 'idea':
      return ranked(
        Object.entries(state.entries).map(([entryId, e]) => ({
          kind: 'idea',
          subjectId: entryId,
          label: e.title,
          score: ideaScore(e, juryOf(contest).length > 0),
          tieBreak: e.order,
        })),
      );
    case 'building':
      return ranked(
        Object.entries(state.buildings).map(([buildingId, tally]) => ({
          kind: 'building',
          subjectId: buildingId,
          label: tally.name,
          score: buildingScore(tally),
          tieBreak: tally.name,
        })),
      );
    case 'volunteer': {
      const teams = ranked(
        contest.teams.map((team) => ({
          kind: 'team',
          subjectId: team.teamId,
          label: team.name,
          score: round2(
            Object.entries(state.teamOf)
              .filter(([, teamId]) => teamId === team.teamId)
              .reduce((sum, [residentId]) => sum + (state.hours[residentId] ?? 0), 0),
          ),
          tieBreak: team.name,
        })),
      );
      const residents = ranked(
        Object.keys(state.teamOf).map((residentId) => ({
          kind: 'resident',
          subjectId: residentId,
          label: residentId,
          score: round2(state.hours[residentId] ?? 0),
          tieBreak: residentId,
        })),
      );
      return [...teams, ...residents];
    }
    default: {
      const unhandled: never = contest.kind;
      throw new Error(`Unknown contest kind ${String(unhandled)}`);
    }
  }
}

/** Who wins what at the close; a resident who wins twice (top volunteer of the top team) is named once with the sum. */
export function prizesOf(state: RunningContest, standings: readonly Standing[]): Prize[] {
  const { contest } = state;
  const prizes = new Map<string, { points: number; reasons: string[] }>();
  const give = (residentId: string, points: number, reason: string) => {
    if (points <= 0) return;
    const prize = prizes.get(residentId) ?? { points: 0, reasons: [] };
    prizes.set(residentId, { points: prize.points + points, reasons: [...prize.reasons, reason] });
  };
  // Nothing done, nothing won: a place with a score of zero earns no prize.
  const winning = (kind: Standing['kind'], places: number) => standings.filter((s) => s.kind === kind && s.score > 0).slice(0, places);
  switch (contest.kind) {
    case 'idea':
      for (const place of winning('idea', contest.winners))
        give(
          state.entries[place.subjectId]!.residentId,
          contest.prizePoints,
          `${contest.title}：金点子第${place.rank}名「${place.label}」`,
        );
      break;
    case 'building':
      for (const place of winning('building', 1)) {
        const building = contest.buildings.find((b) => b.buildingId === place.subjectId)!;
        for (const residentId of building.residentIds) give(residentId, contest.prizePoints, `${contest.title}：最美楼栋 ${place.label}`);
      }
      break;
    case 'volunteer':
      for (const place of winning('resident', contest.winners))
        give(place.subjectId, contest.prizePoints, `${contest.title}：优秀志愿者第${place.rank}名`);
      for (const team of winning('team', 1))
        for (const [residentId, teamId] of Object.entries(state.teamOf))
          if (teamId === team.subjectId) give(residentId, contest.teamPrizePoints, `${contest.title}：优秀团队 ${team.label}`);
      break;
    default: {
      const unhandled: never = contest.kind;
      throw new Error(`Unknown contest kind ${String(unhandled)}`);
    }
  }
  return [...prizes.entries()].map(([residentId, prize]) => ({ residentId, ...prize }));
}
