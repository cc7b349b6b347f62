import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BuildingCommands } from '../../application/building-commands';
import { DEADLINE_CALLER } from '../../application/command-context';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import type { WeightedCounts } from '../../domain/owners-vote/owners-tally';
import { ownersVoteDecider } from '../../domain/owners-vote/owners-vote.decider';
import { CloseOwnersVote } from './close-owners-vote.command';

/**
 * Judged once without counts before the box is sealed (who, when, already closed); then the box is counted by
 * homes and by the floor area of the roll's homes (recomputed under the ballot secret), and the result appended.
 */
@CommandHandler(CloseOwnersVote)
export class CloseOwnersVoteHandler implements ICommandHandler<CloseOwnersVote, { voteId: string }> {
  constructor(
    private readonly buildings: BuildingCommands,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ data: { voteId, caller = DEADLINE_CALLER } }: CloseOwnersVote): Promise<{ voteId: string }> {
    const now = this.buildings.now();
    const state = await this.buildings.ownersVote(voteId);
    const dryRun = ownersVoteDecider.decide({ type: 'CloseOwnersVote', data: { counts: {} } }, state, {
      now,
      actor: { id: caller.subject, kind: 'user' },
      caller,
    });
    if (dryRun.length === 0 || state.status === 'None') return { voteId };
    const areas = new Map(state.vote.homes.map((h) => [h.homeId, h.areaHundredths]));
    const weighted = await this.ballotBox.sealAndCountWeighted(voteId, areas);
    const counts: WeightedCounts = Object.fromEntries(
      Object.entries(weighted).map(([optionId, c]) => [optionId, { homes: c.ballots, areaHundredths: c.weight }]),
    );
    await this.buildings.executeOnOwnersVote(voteId, { type: 'CloseOwnersVote', data: { counts } }, caller, now);
    return { voteId };
  }
}
