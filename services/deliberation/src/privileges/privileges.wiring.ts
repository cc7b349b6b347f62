import { VolunteerRoleCommands } from '../application/volunteer-role-commands';
import { ChooseVolunteerRoleHandler } from '../commands/choose-volunteer-role/choose-volunteer-role.handler';
import { ChooseVolunteerRoleHttpController } from '../commands/choose-volunteer-role/choose-volunteer-role.http.controller';
import { PrivilegesHttpController } from '../queries/privileges/privileges.http.controller';
import { VolunteerPool } from '../queries/privileges/volunteer-pool.reader';
import { PrivilegesRuntime } from './privileges.runtime';

// Level privileges and volunteer roles, listed once so the module gains three lines.
export const PRIVILEGE_HANDLERS = [ChooseVolunteerRoleHandler];
export const PRIVILEGE_CONTROLLERS = [ChooseVolunteerRoleHttpController, PrivilegesHttpController];
export const PRIVILEGE_PROVIDERS = [VolunteerRoleCommands, VolunteerPool, PrivilegesRuntime];
