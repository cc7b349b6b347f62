import { VOLUNTEER_ROLES } from '@gongzhi/contracts';
import { z } from 'zod';

export const chooseVolunteerRoleRequest = z.object({
  role: z.enum(VOLUNTEER_ROLES).describe('meeting-moderator (主持人) or volunteer-team-leader (志愿队长).'),
  optedIn: z.boolean().describe('true to offer to serve in the role, false to withdraw.'),
});

export type ChooseVolunteerRoleRequest = z.output<typeof chooseVolunteerRoleRequest>;
