import type { Caller } from '../../domain/caller';
import type { RecordHomeRequest } from './record-home.request';

/** Staff of the grid record a home of a building: its door, floor area and owners. */
export class RecordHome {
  readonly type = 'RecordHome';
  constructor(
    readonly data: {
      readonly buildingId: string;
      readonly request: RecordHomeRequest;
      readonly caller: Caller;
    },
  ) {}
}
