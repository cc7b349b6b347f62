import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const slug = z.string().trim().min(1).max(100);
const tags = z.array(z.string().trim().min(1).max(40)).max(20).default([]);
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day, YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time, HH:MM');

/** The smallest project is as easy to start as the largest: a title and one line (the community defaults to the resident's own). */
/** Residents of the own community take part, unless the starter or lister opens it to the street or the city. */
const openTo = z.enum(['community', 'street', 'city']).default('community');

export const startProjectRequest = z.object({
  title: text(200),
  summary: text(500),
  communityId: slug.optional(),
  category: slug.nullable().default(null),
  openTo: openTo,
});
export const requestResourceRequest = z.object({ resourceId: slug, purpose: text(1000) });
export const approveRequest = z.object({ note: z.string().trim().max(1000).nullable().default(null) });
export const declineRequest = z.object({ reason: text(1000) });
export const reportActivityRequest = z.object({ heldOn: day, summary: text(2000), participants: z.number().int().min(0).max(100_000) });
export const recordIncomeRequest = z.object({
  source: z.enum(['space_rent', 'service_fee', 'donation', 'other']),
  description: text(500),
  amountFen: z.number().int().positive().max(1_000_000_000),
});

export const listResourceRequest = z.object({
  kind: z.enum(['space', 'goods', 'service', 'skill']),
  title: text(200),
  description: text(2000),
  category: slug,
  tags,
  communityId: slug.optional(),
  offeredByKind: z.enum(['community', 'company', 'institution', 'organisation', 'resident']).optional(),
  offeredByName: text(200).optional(),
  opensAt: time.nullable().default(null),
  closesAt: time.nullable().default(null),
  openTo: openTo,
});
export const bookSlotRequest = z.object({ day, from: time, to: time, purpose: text(500), projectId: slug.nullable().default(null) });
/** The day names the booking's stream (one per space and day); an officer cancelling somebody else's booking gives the reason. */
export const cancelBookingRequest = z.object({ day, reason: z.string().trim().max(1000).nullable().default(null) });

export const spendFromFundRequest = z.object({
  amountFen: z.number().int('a whole number of fen').positive('more than 0 fen').max(1_000_000_000),
  purpose: text(1000),
  councilTopicId: slug.nullable().default(null),
});

export const postNeedRequest = z.object({ title: text(200), description: text(2000), category: slug, tags, communityId: slug.optional() });

export const registerOrganisationRequest = z.object({
  name: text(200),
  communityId: slug,
  kind: z.enum(['public_welfare', 'mutual_aid', 'culture_sports', 'professional_service', 'other']),
  services: z.array(text(200)).min(1).max(50),
});
export const gradeOrganisationRequest = z.object({
  grade: z.enum(['1A', '2A', '3A', '4A', '5A']),
  evaluatedOn: day,
  validUntil: day,
  note: z.string().trim().max(2000).nullable().default(null),
});

export type StartProjectRequest = z.output<typeof startProjectRequest>;
export type RequestResourceRequest = z.output<typeof requestResourceRequest>;
export type ApproveRequest = z.output<typeof approveRequest>;
export type DeclineRequest = z.output<typeof declineRequest>;
export type ReportActivityRequest = z.output<typeof reportActivityRequest>;
export type RecordIncomeRequest = z.output<typeof recordIncomeRequest>;
export type ListResourceRequest = z.output<typeof listResourceRequest>;
export type BookSlotRequest = z.output<typeof bookSlotRequest>;
export type CancelBookingRequest = z.output<typeof cancelBookingRequest>;
export type SpendFromFundRequest = z.output<typeof spendFromFundRequest>;
export type PostNeedRequest = z.output<typeof postNeedRequest>;
export type RegisterOrganisationRequest = z.output<typeof registerOrganisationRequest>;
export type GradeOrganisationRequest = z.output<typeof gradeOrganisationRequest>;
