import { Inject, Injectable } from '@nestjs/common';
import { fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { voterRollDecider, voterStreamId, type VoterRollEvent } from '../../domain/voting/voter-roll.decider';

/** One resident's line on a topic's voter roll: THAT they voted, never how. */
@Injectable()
export class MyBallot {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE)
    private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async of(topicId: string, residentId: string): Promise<{ voted: boolean; assisted: boolean }> {
    const { events } = await this.infrastructure.eventStore.readStream(voterStreamId(topicId, residentId));
    const state = fold(
      voterRollDecider,
      events.map((e) => toDomainEvent<VoterRollEvent>(e)),
    );
    return { voted: state.voted, assisted: state.assisted };
  }
}
