import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, uuidv7 } from '@gongzhi/eventsourcing';
import { commandMetadataFor, hasRole, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { ProjectCommand } from '../domain/project/project.commands';
import { projectDecider, projectStreamId, type ProjectState } from '../domain/project/project.decider';
import { CoBuildingSettings } from '../settings/co-building-settings';
import { loadResource } from './resources';

/** The project as its caller may see it: members are ids of residents, so only the team's size. */
export function publicProjectState(state: ProjectState) {
  if (state.status === 'None') return { status: state.status };
  const { members, incomeIds: _incomeIds, ...rest } = state;
  return { ...rest, teamSize: members.length };
}

export type ProjectView = ReturnType<typeof publicProjectState> & Readonly<Record<string, unknown>> & { readonly events: readonly string[] };

/**
 * Load, decide, append for community projects, with what the decider needs looked up: whether the caller acts as an
 * officer of a community, their place (who may take part), the resource a request names, the configured income split.
 */
@Injectable()
export class ProjectCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly settings: CoBuildingSettings,
  ) {}

  newId(): string {
    return uuidv7(this.infrastructure.clock.now().getTime());
  }

  /** `ids`: the ids the use case made (a request's, an activity's), told to the caller with the project. */
  async execute(projectId: string, command: ProjectCommand, principal: Principal, ids: Record<string, string> = {}): Promise<ProjectView> {
    const store = this.infrastructure.eventStore;
    let resource: { resourceId: string; communityId: string } | null | undefined;
    if (command.type === 'RequestResource') {
      const state = await loadResource(store, command.data.resourceId);
      resource = state.status === 'None' ? null : { resourceId: state.resourceId, communityId: state.communityId };
    }
    const result = await handleCommand(store, projectDecider, projectStreamId(projectId), command, commandMetadataFor(principal, this.infrastructure.clock.now()), {
      officerOfCommunityId: hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined,
      resource,
      teamSharePercent: this.settings.teamSharePercent,
      participant: principal,
    });
    return { ...publicProjectState(result.state), ...ids, events: result.events.map((e) => e.type) };
  }
}
