import type { Caller } from '../../domain/caller';
import type { RecordBuildingResidentRequest } from './record-building-resident.request';

/** Staff of the grid record that a verified resident lives in a home of the building. */
export class RecordBuildingResident {
  readonly type = 'RecordBuildingResident';
  constructor(
    readonly data: {
      readonly buildingId: string;
      readonly request: RecordBuildingResidentRequest;
      readonly caller: Caller;
    },
  ) {}
}
