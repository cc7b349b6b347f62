import { Inject, Injectable } from '@nestjs/common';
import { toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { projectDecider, projectStreamId } from '../../domain/project/project.decider';
import type { ProjectEvent } from '../../domain/project/project.events';

/** Whether one resident is on a project's team, from the project's own stream; the team's ids stay out of the answer. */
@Injectable()
export class MyTeam {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE)
    private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async membership(projectId: string, residentId: string): Promise<{ member: boolean; leader: boolean }> {
    const { events } = await this.infrastructure.eventStore.readStream(projectStreamId(projectId));
    const state = events.map((e) => toDomainEvent<ProjectEvent>(e)).reduce(projectDecider.evolve, projectDecider.initialState());
    if (state.status === 'None') return { member: false, leader: false };
    return {
      member: state.members.includes(residentId),
      leader: state.leaderId === residentId,
    };
  }
}
