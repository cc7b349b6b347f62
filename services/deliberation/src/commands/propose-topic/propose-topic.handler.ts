import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import { TOPIC_CO_SIGNERS_REQUIRED } from '../../deliberation.tokens';
import { TopicCommands } from '../../application/topic-commands';
import type { BuildingScope, CoSigningRule, GroupScope } from '../../domain/topic/topic.commands';
import { ProposeTopic } from './propose-topic.command';

/**
 * Takes the proposer's community when none is named; the id comes from the clock. A building's topic takes the
 * building's community, grid and residents from the register, so the decider can hold it to them. Where the city
 * asks for co-signers (联署), the proposer's privileges come from deliberation's own copy of their level.
 */
@CommandHandler(ProposeTopic)
export class ProposeTopicHandler implements ICommandHandler<ProposeTopic, { topicId: string }> {
  constructor(
    private readonly topics: TopicCommands,
    private readonly buildings: BuildingCommands,
    private readonly groups: InterestGroupCommands,
    private readonly levels: VolunteerRoleCommands,
    @Inject(TOPIC_CO_SIGNERS_REQUIRED) private readonly coSignersRequired: number,
    @Inject(BALLOT_BOX) private readonly secrets: BallotBox,
  ) {}

  async execute({ data: { caller, request } }: ProposeTopic): Promise<{ topicId: string }> {
    const now = this.topics.now();
    const topicId = uuidv7(now.getTime());
    const communityId = request.communityId ?? caller.scope.communityId!;
    const { gridId, title, description, anonymous } = request;
    const building = request.buildingId ? await this.buildingScope(request.buildingId) : null;
    const group = request.groupId ? await this.groupScope(request.groupId) : null;
    const coSigning = await this.coSigningRule(caller.subject);
    // Anonymous and co-signed: the proposer's keyed mark keeps them from co-signing their own topic.
    const anonymousProposerMark = coSigning && anonymous ? this.secrets.anonymousProposerMark(topicId, caller.subject) : undefined;
    const data = { topicId, communityId, gridId, title, description, anonymous, building, group, coSigning, anonymousProposerMark };
    await this.topics.execute(topicId, { type: 'ProposeTopic', data }, caller, now);
    return { topicId };
  }

  private async coSigningRule(proposerId: string): Promise<CoSigningRule | undefined> {
    if (this.coSignersRequired === 0) return undefined;
    const level = await this.levels.level(proposerId);
    return { required: this.coSignersRequired, proposerPrivileges: level?.privileges ?? [] };
  }

  private async groupScope(groupId: string): Promise<GroupScope> {
    const state = await this.groups.group(groupId);
    if (state.status === 'None') throw new DomainError('GROUP.NOT_FOUND', `no interest group ${groupId}`, { field: 'groupId' });
    return { groupId, communityId: state.communityId, name: state.name, memberIds: state.memberIds };
  }

  private async buildingScope(buildingId: string): Promise<BuildingScope> {
    const state = await this.buildings.building(buildingId);
    if (state.status === 'None') throw new DomainError('BUILDING.NOT_FOUND', `no building ${buildingId}`, { field: 'buildingId' });
    return { buildingId, communityId: state.communityId, gridId: state.gridId, residentIds: Object.keys(state.residents) };
  }
}
