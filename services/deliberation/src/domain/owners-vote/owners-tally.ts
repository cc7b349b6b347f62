import type { PublicEventData } from '@gongzhi/contracts';

export type OwnersVoteRule = PublicEventData<'OwnersVoteOpened'>['rule'];
export type OwnersVoteResult = PublicEventData<'OwnersVoteClosed'>;

/** Per option, how many homes chose it and their floor area, from the sealed box. */
export type WeightedCounts = Readonly<Record<string, { readonly homes: number; readonly areaHundredths: number }>>;

export interface OwnersVoteTerms {
  readonly voteId: string;
  readonly rule: OwnersVoteRule;
  readonly options: readonly { readonly optionId: string }[];
  readonly quorumPercent: number;
  readonly passThresholdPercent: number;
  readonly homesOnRoll: number;
  readonly areaOnRollHundredths: number;
}

/** Options that never carry a proposal, whichever way the count goes. */
const NOT_A_MANDATE = new Set(['no', 'abstain']);

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);
/** part / whole ≥ percent, in whole numbers (percent to two places), so no rounding decides a vote. */
const atLeast = (part: number, whole: number, percent: number) => whole > 0 && part * 10000 >= Math.round(percent * 100) * whole;
/** part / whole > percent: 过半数 at 50 means more than half. */
const moreThan = (part: number, whole: number, percent: number) => whole > 0 && part * 10000 > Math.round(percent * 100) * whole;

function leader(values: readonly { optionId: string; value: number }[]): string | null {
  const top = Math.max(0, ...values.map((v) => v.value));
  const leaders = values.filter((v) => v.value === top && top > 0);
  return leaders.length === 1 ? leaders[0].optionId : null;
}

/**
 * The result of an owners' vote (民法典 第278条). Shares are of the homes and of the area that took part (参与表决), so an
 * abstaining home counts for turnout and against the majority. Every result shows both measures, whatever the rule;
 * the rule says which must hold: homes, area, or both (the double majority, the winner leading on both).
 */
export function tallyOwnersVote(terms: OwnersVoteTerms, counts: WeightedCounts): OwnersVoteResult {
  const rows = terms.options.map(({ optionId }) => ({
    optionId,
    homes: counts[optionId]?.homes ?? 0,
    areaHundredths: counts[optionId]?.areaHundredths ?? 0,
  }));
  const homesVoted = rows.reduce((sum, r) => sum + r.homes, 0);
  const areaVotedHundredths = rows.reduce((sum, r) => sum + r.areaHundredths, 0);
  const byHomes = {
    quorum: atLeast(homesVoted, terms.homesOnRoll, terms.quorumPercent),
    winner: leader(rows.map((r) => ({ optionId: r.optionId, value: r.homes }))),
  };
  const byArea = {
    quorum: atLeast(areaVotedHundredths, terms.areaOnRollHundredths, terms.quorumPercent),
    winner: leader(rows.map((r) => ({ optionId: r.optionId, value: r.areaHundredths }))),
  };
  const majorityOf = (optionId: string) => {
    const row = rows.find((r) => r.optionId === optionId)!;
    return {
      homes: moreThan(row.homes, homesVoted, terms.passThresholdPercent),
      area: moreThan(row.areaHundredths, areaVotedHundredths, terms.passThresholdPercent),
    };
  };
  let quorumMet: boolean;
  let winningOptionId: string | null;
  let majority: (optionId: string) => boolean;
  switch (terms.rule) {
    case 'per_home':
      quorumMet = byHomes.quorum;
      winningOptionId = byHomes.winner;
      majority = (o) => majorityOf(o).homes;
      break;
    case 'floor_area':
      quorumMet = byArea.quorum;
      winningOptionId = byArea.winner;
      majority = (o) => majorityOf(o).area;
      break;
    case 'double_majority':
      quorumMet = byHomes.quorum && byArea.quorum;
      winningOptionId = byHomes.winner !== null && byHomes.winner === byArea.winner ? byHomes.winner : null;
      majority = (o) => majorityOf(o).homes && majorityOf(o).area;
      break;
    default: {
      const unknown: never = terms.rule;
      throw new Error(`unknown owners' vote rule ${String(unknown)}`);
    }
  }
  const passed = quorumMet && winningOptionId !== null && !NOT_A_MANDATE.has(winningOptionId) && majority(winningOptionId);
  return {
    voteId: terms.voteId,
    rule: terms.rule,
    tally: rows.map((r) => ({
      ...r,
      homeSharePercent: percentOf(r.homes, homesVoted),
      areaSharePercent: percentOf(r.areaHundredths, areaVotedHundredths),
    })),
    homesVoted,
    homesOnRoll: terms.homesOnRoll,
    areaVotedHundredths,
    areaOnRollHundredths: terms.areaOnRollHundredths,
    homeTurnoutPercent: percentOf(homesVoted, terms.homesOnRoll),
    areaTurnoutPercent: percentOf(areaVotedHundredths, terms.areaOnRollHundredths),
    quorumMet,
    passed,
    winningOptionId,
  };
}
