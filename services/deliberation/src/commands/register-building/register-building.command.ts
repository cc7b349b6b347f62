import type { Caller } from '../../domain/caller';
import type { RegisterBuildingRequest } from './register-building.request';

/** The grid worker or an officer registers a building of the grid, with its units. */
export class RegisterBuilding {
  readonly type = 'RegisterBuilding';
  constructor(
    readonly data: {
      readonly request: RegisterBuildingRequest;
      readonly caller: Caller;
    },
  ) {}
}
