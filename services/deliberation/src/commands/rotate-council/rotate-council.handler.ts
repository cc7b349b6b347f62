import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RotationEvent } from '../../domain/rotation/rotation.decider';
import { RotationCommands } from '../../application/rotation-commands';
import { RotateCouncil } from './rotate-council.command';

type CouncilRotated = Extract<RotationEvent, { type: 'CouncilRotated' }>;
export type RotatedTerm = CouncilRotated['data'];

/** Draws the new term, resting those who just served; the answer is the term as drawn. */
@CommandHandler(RotateCouncil)
export class RotateCouncilHandler implements ICommandHandler<RotateCouncil, RotatedTerm> {
  constructor(private readonly rotations: RotationCommands) {}

  async execute({ data: { communityId, caller, request } }: RotateCouncil): Promise<RotatedTerm> {
    const result = await this.rotations.execute(communityId, { type: 'Rotate', data: { communityId, ...request } }, caller);
    return (result.events[0] as CouncilRotated).data;
  }
}
