import { VolunteerRoleCommands } from '../application/volunteer-role-commands';
import { VolunteerTeamCommands } from '../application/volunteer-team-commands';
import { AppointTeamLeaderHandler } from '../commands/appoint-team-leader/appoint-team-leader.handler';
import { AppointTeamLeaderHttpController } from '../commands/appoint-team-leader/appoint-team-leader.http.controller';
import { ChooseVolunteerRoleHandler } from '../commands/choose-volunteer-role/choose-volunteer-role.handler';
import { ChooseVolunteerRoleHttpController } from '../commands/choose-volunteer-role/choose-volunteer-role.http.controller';
import { FormVolunteerTeamHandler } from '../commands/form-volunteer-team/form-volunteer-team.handler';
import { FormVolunteerTeamHttpController } from '../commands/form-volunteer-team/form-volunteer-team.http.controller';
import { StepDownTeamLeaderHandler } from '../commands/step-down-team-leader/step-down-team-leader.handler';
import { StepDownTeamLeaderHttpController } from '../commands/step-down-team-leader/step-down-team-leader.http.controller';
import { PrivilegesHttpController } from '../queries/privileges/privileges.http.controller';
import { VolunteerPool } from '../queries/privileges/volunteer-pool.reader';
import { VolunteerTeamsHttpController } from '../queries/volunteer-teams/volunteer-teams.http.controller';
import { PrivilegesRuntime } from './privileges.runtime';

// Level privileges, volunteer roles and the volunteer teams led from the pool, listed once so the module gains three lines.
export const PRIVILEGE_HANDLERS = [
  ChooseVolunteerRoleHandler,
  FormVolunteerTeamHandler,
  AppointTeamLeaderHandler,
  StepDownTeamLeaderHandler,
];
export const PRIVILEGE_CONTROLLERS = [
  ChooseVolunteerRoleHttpController,
  PrivilegesHttpController,
  FormVolunteerTeamHttpController,
  AppointTeamLeaderHttpController,
  StepDownTeamLeaderHttpController,
  VolunteerTeamsHttpController,
];
export const PRIVILEGE_PROVIDERS = [VolunteerRoleCommands, VolunteerTeamCommands, VolunteerPool, PrivilegesRuntime];
