import { z } from 'zod';

// The organisation tree (city > district > street > community > grid) and the service catalogue, as a
// file states them. Names are Chinese first, English second.

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes');
export const bilingualName = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const boundsSchema = z
  .object({ south: latitude, west: longitude, north: latitude, east: longitude })
  .refine((b) => b.south < b.north && b.west < b.east, { message: 'south must be below north and west below east' });

export const gridWorkerSchema = z.object({
  id: z.string().min(1).describe("The grid worker's account username (stable across issuers)."),
  name: z.string().min(1),
});

export const gridSchema = z.object({
  id,
  name: bilingualName,
  households: z.number().int().nonnegative(),
  people: z.number().int().nonnegative(),
  gridWorkers: z.array(gridWorkerSchema),
  bounds: boundsSchema,
});

export const communitySchema = z.object({ id, name: bilingualName, grids: z.array(gridSchema).min(1) });
export const streetSchema = z.object({ id, name: bilingualName, communities: z.array(communitySchema).min(1) });
export const districtSchema = z.object({ id, name: bilingualName, streets: z.array(streetSchema).min(1) });

export const departmentSchema = z.object({ id, name: bilingualName });

export const categorySchema = z.object({
  code: id,
  name: bilingualName,
  group: z.string().min(1),
  leadDepartmentId: id,
  acknowledgeWithinHours: z.number().positive(),
  resolveWithinHours: z.number().positive(),
  evaluationRequired: z.boolean(),
  keywords: z.array(z.string()).default([]),
});

export const referenceDataSchema = z.object({
  city: z.object({ id, name: bilingualName, bounds: boundsSchema }),
  districts: z.array(districtSchema).min(1),
  departments: z.array(departmentSchema).min(1),
  categories: z.array(categorySchema).min(1),
});

export type Bounds = z.output<typeof boundsSchema>;
export type BilingualName = z.output<typeof bilingualName>;
export type GridDefinition = z.output<typeof gridSchema>;
export type Department = z.output<typeof departmentSchema>;
export type Category = z.output<typeof categorySchema>;
export type ReferenceDataDocument = z.output<typeof referenceDataSchema>;
