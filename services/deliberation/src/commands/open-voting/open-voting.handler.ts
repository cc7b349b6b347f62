import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gongzhi/eventsourcing';
import { BuildingCommands } from '../../application/building-commands';
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
  ) {}

  async execute({ data: { topicId, caller, request } }: OpenVoting): Promise<OpenedVoting> {
    const topic = await this.topics.existing(topicId);
    const { closesAt, quorumPercent, passThresholdPercent } = request;
    const eligibility = topic.buildingId ? await this.buildingEligibility(topic.buildingId, request.eligibility) : request.eligibility;
    // A grid's or a building's roll comes from the topic's grid: a building roster names verified residents of it.
    const gridId = eligibility.scope === 'community' ? null : topic.gridId;
    const verifiedResidents = await this.register.verifiedResidentsOf({ communityId: topic.communityId, gridId });
    const options = votingOptions(request.options);
    const result = await this.topics.execute(
      topicId,
      { type: 'OpenVoting', data: { closesAt, eligibility, quorumPercent, passThresholdPercent, options, verifiedResidents } },
      caller,
    );
    const opened = result.state.status === 'None' ? null : result.state.voting;
    return { topicId, eligibleVoters: opened?.eligibleVoters ?? 0 };
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
