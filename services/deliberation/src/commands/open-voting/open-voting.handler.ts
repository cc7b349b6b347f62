import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
import { InterestGroupCommands } from '../../application/interest-group-commands';
import { TopicCommands } from '../../application/topic-commands';
import type { VotingOption } from '../../domain/topic/topic.commands';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { OpenVoting } from './open-voting.command';
import type { OpenVotingRequest } from './open-voting.request';

export interface OpenedVoting {
  readonly topicId: string;
  readonly eligibleVoters: number;
}

/** The options a request names, as the ballot lists them: yes / no / abstain unless the officer gives choices. */
function votingOptions(options: OpenVotingRequest['options']): VotingOption[] {
  if (options.kind === 'yes_no_abstain') {
    return [
      { optionId: 'yes', label: '同意 Yes' },
      { optionId: 'no', label: '反对 No' },
      { optionId: 'abstain', label: '弃权 Abstain' },
    ];
  }
  return options.labels.map((label, i) => ({ optionId: `option-${i + 1}`, label }));
}

/**
 * Draws the roll from the register at the moment voting opens (the decider records it and counts against
 * it): the verified residents of the topic's community, or of its grid for a grid or building vote. The
 * officer names the scope; who is in it is never theirs to say (a building roster only picks among them).
 */
@CommandHandler(OpenVoting)
export class OpenVotingHandler implements ICommandHandler<OpenVoting, OpenedVoting> {
  constructor(
    private readonly topics: TopicCommands,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    private readonly buildings: BuildingCommands,
    private readonly groups: InterestGroupCommands,
  ) {}

  async execute({ data: { topicId, caller, request } }: OpenVoting): Promise<OpenedVoting> {
    const topic = await this.topics.existing(topicId);
    const { closesAt, quorumPercent, passThresholdPercent } = request;
    const requested = topic.buildingId ? await this.buildingEligibility(topic.buildingId, request.eligibility) : request.eligibility;
    // A grid's or a building's roll comes from the topic's grid: a building roster names verified residents of it.
    // A group's comes from the whole community, as a group is the community's.
    const gridId = requested.scope === 'community' || requested.scope === 'group' ? null : topic.gridId;
    const verifiedResidents = await this.register.verifiedResidentsOf({ communityId: topic.communityId, gridId });
    const eligibility =
      requested.scope === 'group' && topic.groupId
        ? { ...requested, roster: await this.groupRoster(topic.groupId, requested, verifiedResidents) }
        : requested;
    const options = votingOptions(request.options);
    const result = await this.topics.execute(
      topicId,
      { type: 'OpenVoting', data: { closesAt, eligibility, quorumPercent, passThresholdPercent, options, verifiedResidents } },
      caller,
    );
    const opened = result.state.status === 'None' ? null : result.state.voting;
    return { topicId, eligibleVoters: opened?.eligibleVoters ?? 0 };
  }

  /**
   * A group's vote: its members as the group's stream holds them now (never the lagging view), those the register still
   * knows as verified residents of the community. Who joins later, or has moved away, is not on this roll.
   */
  private async groupRoster(
    groupId: string,
    requested: OpenVotingRequest['eligibility'],
    verifiedResidents: readonly string[],
  ): Promise<string[]> {
    if (requested.roster !== null) {
      throw new DomainError('VOTING.ROSTER_NOT_TYPED', "a group vote's roll is the group's members", { field: 'eligibility.roster' });
    }
    const group = await this.groups.group(groupId);
    const verified = new Set(verifiedResidents);
    const roster = group.status === 'Active' ? group.memberIds.filter((id) => verified.has(id)) : [];
    if (roster.length === 0) {
      throw new DomainError('VOTING.ROLL_EMPTY', `no verified resident of the community is a member of ${groupId}: nobody could vote`, {
        field: 'eligibility.scopeId',
      });
    }
    return roster;
  }

  /** A building's topic: its roll is the building's recorded residents (verified residents of its grid), never a typed roster. */
  private async buildingEligibility(
    buildingId: string,
    requested: OpenVotingRequest['eligibility'],
  ): Promise<OpenVotingRequest['eligibility']> {
    if (requested.roster !== null) {
      throw new DomainError('VOTING.ROSTER_NOT_TYPED', "a building topic's roll is the building's recorded residents", {
        field: 'eligibility.roster',
      });
    }
    const building = await this.buildings.building(buildingId);
    return { ...requested, roster: building.status === 'Registered' ? Object.keys(building.residents) : [] };
  }
}
