import { assistedShares } from './assisted-share';

describe('the share of assisted ballots each worker records', () => {
  it('flags the worker recording more than 3× the median share of the others, and no one else', () => {
    const shares = assistedShares(
      [
        { assistantId: 'worker-a', assistedBallots: 2 },
        { assistantId: 'worker-b', assistedBallots: 3 },
        { assistantId: 'worker-c', assistedBallots: 2 },
        { assistantId: 'stuffer', assistedBallots: 12 },
      ],
      200,
    );
    expect(shares.find((s) => s.assistantId === 'stuffer')).toMatchObject({ sharePercent: 6, peerMedianSharePercent: 1, flagged: true });
    expect(shares.filter((s) => s.flagged).map((s) => s.assistantId)).toEqual(['stuffer']);
  });

  it('does not flag a handful of home visits, nor a worker just above the others', () => {
    expect(
      assistedShares(
        [
          { assistantId: 'a', assistedBallots: 4 },
          { assistantId: 'b', assistedBallots: 1 },
        ],
        100,
      ).some((s) => s.flagged),
    ).toBe(false);
    expect(
      assistedShares(
        [
          { assistantId: 'a', assistedBallots: 9 },
          { assistantId: 'b', assistedBallots: 4 },
        ],
        100,
      ).some((s) => s.flagged),
    ).toBe(false);
  });

  it('flags a worker alone in the community past a tenth of the roll', () => {
    expect(assistedShares([{ assistantId: 'alone', assistedBallots: 11 }], 100)[0]).toMatchObject({
      sharePercent: 11,
      peerMedianSharePercent: null,
      flagged: true,
    });
    expect(assistedShares([{ assistantId: 'alone', assistedBallots: 9 }], 100)[0].flagged).toBe(false);
  });
});
