import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import { TopicCommands } from '../../application/topic-commands';
import type { BuildingScope } from '../../domain/topic/topic.commands';
import { ProposeTopic } from './propose-topic.command';

/**
 * Takes the proposer's community when none is named; the id comes from the clock. A building's topic takes the
 * building's community, grid and residents from the register, so the decider can hold it to them.
 */
@CommandHandler(ProposeTopic)
export class ProposeTopicHandler implements ICommandHandler<ProposeTopic, { topicId: string }> {
  constructor(
    private readonly topics: TopicCommands,
    private readonly buildings: BuildingCommands,
  ) {}

  async execute({ data: { caller, request } }: ProposeTopic): Promise<{ topicId: string }> {
    const now = this.topics.now();
    const topicId = uuidv7(now.getTime());
    const communityId = request.communityId ?? caller.scope.communityId!;
    const { gridId, title, description, anonymous } = request;
    const building = request.buildingId ? await this.buildingScope(request.buildingId) : null;
    await this.topics.execute(
      topicId,
      { type: 'ProposeTopic', data: { topicId, communityId, gridId, title, description, anonymous, building } },
      caller,
      now,
    );
    return { topicId };
  }

  private async buildingScope(buildingId: string): Promise<BuildingScope> {
    const state = await this.buildings.building(buildingId);
    if (state.status === 'None') throw new DomainError('BUILDING.NOT_FOUND', `no building ${buildingId}`, { field: 'buildingId' });
    return { buildingId, communityId: state.communityId, gridId: state.gridId, residentIds: Object.keys(state.residents) };
  }
}
