import { percentile } from './percentile';

/**
 * When a worker's share of assisted ballots is unusual. Assisted ballots are for the few residents who
 * cannot use the app, so workers of one community record similar shares of its roll; a worker far above
 * the others is who a supervisor should look at first (a stuffed box looks like this). Compared with the
 * median of the other workers of the same community: more than 3× it. Alone in a community, there is no one
 * to compare with: more than a tenth of the roll is already far beyond the elderly and disabled residents a
 * grid worker visits. Below 5 ballots nothing is flagged: one or two home visits are never a pattern.
 */
export const ASSISTED_FLAG_RULE = { timesPeerMedian: 3, shareAloneAbovePercent: 10, minBallots: 5 } as const;

export interface WorkerAssisted {
  readonly assistantId: string;
  readonly assistedBallots: number;
}

export interface WorkerAssistedShare extends WorkerAssisted {
  /** Of the roll of every vote of the community in the window, in percent. */
  readonly sharePercent: number;
  readonly peerMedianSharePercent: number | null;
  readonly flagged: boolean;
  readonly flagReason: string | null;
}

export function assistedShares(workers: readonly WorkerAssisted[], rollTotal: number): WorkerAssistedShare[] {
  const shareOf = (ballots: number) => (rollTotal === 0 ? 0 : (ballots / rollTotal) * 100);
  return workers.map((worker) => {
    const sharePercent = shareOf(worker.assistedBallots);
    const peers = workers.filter((w) => w.assistantId !== worker.assistantId).map((w) => shareOf(w.assistedBallots));
    const peerMedian = percentile(peers, 0.5);
    const { timesPeerMedian, shareAloneAbovePercent, minBallots } = ASSISTED_FLAG_RULE;
    const reason =
      worker.assistedBallots < minBallots
        ? null
        : peerMedian !== null
          ? sharePercent > timesPeerMedian * peerMedian
            ? `more than ${timesPeerMedian}× the median share of the other workers of the community`
            : null
          : sharePercent > shareAloneAbovePercent
            ? `more than ${shareAloneAbovePercent}% of the roll, with no other worker recording in the community`
            : null;
    return {
      ...worker,
      sharePercent: Math.round(sharePercent * 10) / 10,
      peerMedianSharePercent: peerMedian === null ? null : Math.round(peerMedian * 10) / 10,
      flagged: reason !== null,
      flagReason: reason,
    };
  });
}
