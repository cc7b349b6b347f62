import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { MeetingCommands } from '../../application/meeting-commands';
import { VolunteerRoleCommands } from '../../application/volunteer-role-commands';
import { assertOfficerOf } from '../../domain/caller';
import { assertPickable } from '../../domain/volunteer-roles/pick-from-pool';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { ScheduleMeeting } from './schedule-meeting.command';

/** Numbers the agenda, takes the caller's community when none is named; the ground rules come with the meeting. */
@CommandHandler(ScheduleMeeting)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeeting, { meetingId: string }> {
  constructor(
    private readonly meetings: MeetingCommands,
    private readonly volunteerRoles: VolunteerRoleCommands,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
  ) {}

  async execute({ data: { caller, meeting } }: ScheduleMeeting): Promise<{ meetingId: string }> {
    const now = this.meetings.now();
    const meetingId = uuidv7(now.getTime());
    const agenda = meeting.agenda.map((title, i) => ({ itemId: `item-${i + 1}`, title }));
    const communityId = meeting.communityId ?? caller.scope.communityId ?? '';
    const { topicId, title, scheduledAt, moderatorId } = meeting;
    // The office first: an officer of another community learns nothing about this community's pool.
    assertOfficerOf(caller, communityId, 'MEETING.FORBIDDEN');
    await this.assertModeratorMayBePicked(moderatorId, communityId);
    await this.meetings.execute(
      meetingId,
      { type: 'ScheduleMeeting', data: { meetingId, communityId, topicId, title, scheduledAt, agenda, moderatorId } },
      caller,
      now,
    );
    return { meetingId };
  }

  /**
   * Staff moderate by their office; a resident moderates only from the community's pool (意见领袖): opted in, with
   * the level that unlocks moderating. Officers are checked by `decide` as before.
   */
  private async assertModeratorMayBePicked(moderatorId: string, communityId: string): Promise<void> {
    if (!(await this.isResident(moderatorId))) return;
    assertPickable(await this.volunteerRoles.candidate(moderatorId, 'meeting-moderator'), 'meeting-moderator', communityId, 'moderatorId');
  }

  private async isResident(accountId: string): Promise<boolean> {
    try {
      return (await this.register.find(accountId)) !== undefined;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'ROLL.UNAVAILABLE') throw error;
      // With no register (an external identity provider), anyone who ever stood for a role or reached a level is a resident.
      const [roles, level] = await Promise.all([this.volunteerRoles.roles(accountId), this.volunteerRoles.level(accountId)]);
      return Object.keys(roles.standing).length > 0 || level !== null;
    }
  }
}
