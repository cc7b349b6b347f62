import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const formVolunteerTeamRequest = z.object({
  name: text(40).describe('e.g. 环保志愿队; unique within the community.'),
  purpose: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((purpose) => purpose || null)
    .describe('What the team does, e.g. 每周六清理小区河道.'),
  leaderId: id
    .optional()
    .describe(
      "The resident who leads it (志愿队队长): one of the community's volunteer pool (role volunteer-team-leader). Omit to appoint later.",
    ),
});

export type FormVolunteerTeamRequest = z.output<typeof formVolunteerTeamRequest>;
