import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, latitude, longitude, text } from './fields';

// Base data kept by grid workers (人、地、事、物、组织): buildings, households, public facilities and organisations of a
// grid. Stream: base-record-<recordId>. Households carry no names or phone numbers: a unit and a head count is all the
// register keeps of people, because these topics are read by departments' and analytics' systems.

const service = 'grid-events';

const recordId = id.describe('The id of the register entry (a facility id is what a case names in facilityId).');
const gridId = id.describe('The grid whose register holds the entry; only staff of that grid read it.');
const name = z.string().min(1).max(100);

export const FACILITY_KINDS = ['street_light', 'hydrant', 'lift', 'manhole', 'bench', 'other'] as const;
export const FACILITY_CONDITIONS = ['working', 'faulty', 'out_of_service'] as const;
export const ORGANISATION_KINDS = ['property_company', 'business', 'social_organisation', 'school', 'other'] as const;

const building = z.object({ kind: z.literal('building'), name, address: name, floors: z.number().int().min(1).max(200).nullable() });
const household = z.object({
  kind: z.literal('household'),
  buildingName: name.describe('The building, by its plain name or id (楼栋).'),
  unit: z.string().min(1).max(30).describe('Unit and door, e.g. 1单元101.'),
  size: z.number().int().min(1).max(30).describe('How many people live there.'),
});
const facility = z.object({
  kind: z.literal('facility'),
  facilityKind: z.enum(FACILITY_KINDS),
  name,
  buildingName: name.nullable().describe('The building it belongs to (a lift), or null for one in the open (a street light).'),
  lat: latitude.nullable(),
  long: longitude.nullable(),
  condition: z.enum(FACILITY_CONDITIONS),
});
const organisation = z.object({
  kind: z.literal('organisation'),
  organisationKind: z.enum(ORGANISATION_KINDS),
  name,
  address: name,
});

/** What the register keeps of one entry, by kind. */
export const baseRecordDetails = z.discriminatedUnion('kind', [building, household, facility, organisation]);
export type BaseRecordDetails = z.output<typeof baseRecordDetails>;
export type BaseRecordKind = BaseRecordDetails['kind'];

const fieldValue = z.union([z.string(), z.number(), z.null()]);

export const BaseRecordRegistered = defineEvent({
  service,
  type: 'BaseRecordRegistered',
  version: 1,
  summary: "A grid worker or an officer entered a building, household, public facility or organisation in a grid's register.",
  schema: z.object({ recordId, gridId, communityId: id, details: baseRecordDetails }),
});

export const BaseRecordAmended = defineEvent({
  service,
  type: 'BaseRecordAmended',
  version: 1,
  summary: 'An entry of the register was changed: each changed field with its value before and after (the envelope says who and when).',
  schema: z.object({
    recordId,
    gridId,
    kind: z.enum(['building', 'household', 'facility', 'organisation']),
    changes: z.array(z.object({ field: id, from: fieldValue, to: fieldValue })).min(1),
  }),
});

export const BaseRecordRetired = defineEvent({
  service,
  type: 'BaseRecordRetired',
  version: 1,
  summary: 'An entry left the register (a household moved out, a facility was removed), with the reason; its history stays.',
  schema: z.object({ recordId, gridId, kind: z.enum(['building', 'household', 'facility', 'organisation']), reason: text }),
});

export const CaseFacilityNamed = defineEvent({
  service,
  type: 'CaseFacilityNamed',
  version: 1,
  summary:
    "Staff of the case's grid named the public facility of the grid's register the case is at (or corrected it). Stream: case-<caseId>.",
  schema: z.object({ caseId: id, facilityId: id, gridId }),
});

export const baseDataContracts = [BaseRecordRegistered, BaseRecordAmended, BaseRecordRetired, CaseFacilityNamed] as const;
