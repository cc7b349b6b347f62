import { z } from 'zod';
import { bilingualName, boundsSchema, categorySchema, departmentSchema, districtSchema } from '../../reference-data/reference-data.schema';

/** `GET /api/categories`: the service catalogue as the reference data states it. */
export const categoriesAnswer = z.object({ categories: z.array(categorySchema) });

/** `GET /api/departments`: the departments the catalogue names as leads. */
export const departmentsAnswer = z.object({ departments: z.array(departmentSchema) });

/** `GET /api/organisation`: the city and its tree down to the grids (households, people, grid workers). */
export const organisationAnswer = z.object({
  city: z.object({ id: z.string(), name: bilingualName, bounds: boundsSchema }),
  districts: z.array(districtSchema),
});
