import { z } from 'zod';
import { id } from '../../http/request-fields';

export const recordBuildingResidentRequest = z.object({ residentId: id, homeId: id });

export type RecordBuildingResidentRequest = z.output<typeof recordBuildingResidentRequest>;
