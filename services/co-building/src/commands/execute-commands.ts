import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, toDomainEvent, type CommandMetadata, type CommandResult, type EventStore } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import {
  communityFundDecider,
  communityFundStreamId,
  type CommunityFundState,
  type SpendFromFund,
} from '../domain/community-fund/community-fund.decider';
import { needDecider, needStreamId, type NeedCommand, type NeedState } from '../domain/need/need.decider';
import {
  organisationDecider,
  organisationStreamId,
  type OrganisationCommand,
  type OrganisationState,
} from '../domain/organisation/organisation.decider';
import type { ProjectCommand } from '../domain/project/project.commands';
import { projectDecider, projectStreamId, type ProjectState } from '../domain/project/project.decider';
import { resourceDecider, resourceStreamId, type ResourceCommand, type ResourceEvent, type ResourceState } from '../domain/resource/resource.decider';
import { spaceDayDecider, spaceDayStreamId, type BookSlot, type CancelBooking, type SpaceDayState } from '../domain/space-day/space-day.decider';
import { assertMayTakePart, type Participant } from '../domain/participation';
import { FundLedgerEntry } from '../read-models/co-building-views.entity';
import { CoBuildingSettings } from '../settings/co-building-settings';

async function loadResource(store: EventStore, resourceId: string): Promise<ResourceState> {
  const { events } = await store.readStream(resourceStreamId(resourceId));
  return events.map((e) => toDomainEvent<ResourceEvent>(e)).reduce(resourceDecider.evolve, resourceDecider.initialState());
}

/** Any command on one community project. */
export class ExecuteProjectCommand extends Command<CommandResult<ProjectState>> {
  constructor(
    readonly projectId: string,
    readonly command: ProjectCommand,
    readonly metadata: CommandMetadata,
    /** The community the actor is an officer of, when they act as a community officer. */
    readonly officerOfCommunityId?: string,
    /** The actor with the place their token names, for what only the project's residents may do. */
    readonly participant?: Participant,
  ) {
    super();
  }
}

@CommandHandler(ExecuteProjectCommand)
export class ExecuteProjectCommandHandler implements ICommandHandler<ExecuteProjectCommand> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Optional() private readonly settings: CoBuildingSettings = new CoBuildingSettings(),
  ) {}

  async execute({ projectId, command, metadata, officerOfCommunityId, participant }: ExecuteProjectCommand): Promise<CommandResult<ProjectState>> {
    const store = this.infrastructure.eventStore;
    let resource: { resourceId: string; communityId: string } | null | undefined;
    if (command.type === 'RequestResource') {
      const state = await loadResource(store, command.resourceId);
      resource = state.status === 'None' ? null : { resourceId: state.resourceId, communityId: state.communityId };
    }
    return handleCommand(store, projectDecider, projectStreamId(projectId), command, metadata, {
      officerOfCommunityId,
      resource,
      teamSharePercent: this.settings.teamSharePercent,
      participant,
    });
  }
}

export class ExecuteResourceCommand extends Command<CommandResult<ResourceState>> {
  constructor(
    readonly resourceId: string,
    readonly command: ResourceCommand,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ExecuteResourceCommand)
export class ExecuteResourceCommandHandler implements ICommandHandler<ExecuteResourceCommand> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ resourceId, command, metadata }: ExecuteResourceCommand): Promise<CommandResult<ResourceState>> {
    return handleCommand(this.infrastructure.eventStore, resourceDecider, resourceStreamId(resourceId), command, metadata);
  }
}

/** Books a slot of a space: the space's day is one stream, so of overlapping concurrent bookings exactly one is stored. */
export class BookSpaceSlotCommand extends Command<CommandResult<SpaceDayState>> {
  constructor(
    readonly command: BookSlot,
    readonly metadata: CommandMetadata,
    /** The booker with the place their token names: a space is open to its community's residents unless marked wider. */
    readonly participant?: Participant,
  ) {
    super();
  }
}

@CommandHandler(BookSpaceSlotCommand)
export class BookSpaceSlotCommandHandler implements ICommandHandler<BookSpaceSlotCommand> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore'>,
    @Optional() private readonly settings: CoBuildingSettings = new CoBuildingSettings(),
  ) {}

  async execute({ command, metadata, participant }: BookSpaceSlotCommand): Promise<CommandResult<SpaceDayState>> {
    const store = this.infrastructure.eventStore;
    const resource = await loadResource(store, command.resourceId);
    if (resource.status === 'Listed') assertMayTakePart(participant, resource, `book ${resource.title}`);
    const space =
      resource.status === 'Listed' && resource.kind === 'space' && resource.opensAt && resource.closesAt
        ? { resourceId: resource.resourceId, communityId: resource.communityId, opensAt: resource.opensAt, closesAt: resource.closesAt }
        : null;
    // Bookings of other slots of the same day also move the stream: retry more than the default, each retry decides afresh.
    return handleCommand(
      store,
      spaceDayDecider,
      spaceDayStreamId(command.resourceId, command.day),
      command,
      metadata,
      { space, timeZone: this.settings.timeZone },
      { maxAttempts: 30 },
    );
  }
}

/** Cancels a booking before its slot starts, which frees the slot: by the booker, or by an officer of the space's community. */
export class CancelSpaceBookingCommand extends Command<CommandResult<SpaceDayState>> {
  constructor(
    readonly command: CancelBooking,
    readonly metadata: CommandMetadata,
    /** The community the actor is an officer of, when they act as a community officer. */
    readonly officerOfCommunityId?: string,
  ) {
    super();
  }
}

@CommandHandler(CancelSpaceBookingCommand)
export class CancelSpaceBookingCommandHandler implements ICommandHandler<CancelSpaceBookingCommand> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore'>,
    @Optional() private readonly settings: CoBuildingSettings = new CoBuildingSettings(),
  ) {}

  execute({ command, metadata, officerOfCommunityId }: CancelSpaceBookingCommand): Promise<CommandResult<SpaceDayState>> {
    // Bookings of the same day move the stream too (as for booking): each retry decides afresh.
    return handleCommand(
      this.infrastructure.eventStore,
      spaceDayDecider,
      spaceDayStreamId(command.resourceId, command.day),
      command,
      metadata,
      { officerOfCommunityId, timeZone: this.settings.timeZone },
      { maxAttempts: 30 },
    );
  }
}

/** Records a spending from a community's public fund, never more than its balance. */
export class SpendFromCommunityFundCommand extends Command<CommandResult<CommunityFundState>> {
  constructor(
    readonly command: SpendFromFund,
    readonly metadata: CommandMetadata,
    /** The community the actor is an officer of, when they act as a community officer. */
    readonly officerOfCommunityId?: string,
  ) {
    super();
  }
}

@CommandHandler(SpendFromCommunityFundCommand)
export class SpendFromCommunityFundCommandHandler implements ICommandHandler<SpendFromCommunityFundCommand> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: Pick<ServiceInfrastructure, 'eventStore' | 'dataSource'>) {}

  async execute({ command, metadata, officerOfCommunityId }: SpendFromCommunityFundCommand): Promise<CommandResult<CommunityFundState>> {
    // The fund's income is the fund shares on the projects' streams, summed by the public ledger. The ledger
    // may lag behind those streams but never runs ahead of them, so the balance decided on is never more
    // than the fund holds; the spendings come from the fund's own stream, exact under its expected version.
    const incomeFen = (await this.infrastructure.dataSource.getRepository(FundLedgerEntry).sum('fundShareFen', { communityId: command.communityId })) ?? 0;
    return handleCommand(this.infrastructure.eventStore, communityFundDecider, communityFundStreamId(command.communityId), command, metadata, {
      officerOfCommunityId,
      incomeFen,
    });
  }
}

export class ExecuteNeedCommand extends Command<CommandResult<NeedState>> {
  constructor(
    readonly needId: string,
    readonly command: NeedCommand,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ExecuteNeedCommand)
export class ExecuteNeedCommandHandler implements ICommandHandler<ExecuteNeedCommand> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ needId, command, metadata }: ExecuteNeedCommand): Promise<CommandResult<NeedState>> {
    return handleCommand(this.infrastructure.eventStore, needDecider, needStreamId(needId), command, metadata);
  }
}

export class ExecuteOrganisationCommand extends Command<CommandResult<OrganisationState>> {
  constructor(
    readonly organisationId: string,
    readonly command: OrganisationCommand,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ExecuteOrganisationCommand)
export class ExecuteOrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ organisationId, command, metadata }: ExecuteOrganisationCommand): Promise<CommandResult<OrganisationState>> {
    return handleCommand(this.infrastructure.eventStore, organisationDecider, organisationStreamId(organisationId), command, metadata);
  }
}
