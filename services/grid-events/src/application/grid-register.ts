import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  handleCommand,
  toDomainEvent,
  type CommandMetadata,
  type CommandResult,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';
import { assertAuthorityCovers, type ScopedActor } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { BaseRecordCommand } from '../domain/base-record/base-record.commands';
import { baseRecordDecider } from '../domain/base-record/base-record.decider';
import { baseRecordStreamId, type BaseRecordEvent } from '../domain/base-record/base-record.events';
import type { BaseRecordState } from '../domain/base-record/base-record.state';
import { REFERENCE_DATA } from '../grid-events.tokens';
import type { GridPlace, ReferenceData } from '../reference-data/reference-data';
import { placeOf } from './case-access';

/** Who keeps and reads a grid's register: its grid workers and the officers over it. Nobody else, residents least of all. */
const REGISTER_STAFF = ['grid_worker', 'community_officer', 'street_officer', 'admin'] as const;

export type RegisterEntry = Exclude<BaseRecordState, { status: 'None' }>;

/** Load, decide, append for the grid register (人、地、事、物、组织), and the one check of who may touch it. */
@Injectable()
export class GridRegister {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  /** The grid, once the caller is shown to be its staff (403 otherwise; 404 for a grid the city does not have). */
  assertStaffOf(actor: ScopedActor, gridId: string): GridPlace {
    const grid = this.reference.findGrid(gridId);
    if (!grid) throw new DomainError('GRID.NOT_FOUND', `no grid ${gridId} in the city`, { gridId });
    assertAuthorityCovers(actor, placeOf(grid), REGISTER_STAFF, `keep the register of grid ${gridId}`);
    return grid;
  }

  /** The entry's stream as stored: each event with who recorded it and when (the audit trail), and the state they fold to. */
  async load(recordId: string): Promise<{ state: BaseRecordState; recorded: readonly RecordedEvent[] }> {
    const { events } = await this.infrastructure.eventStore.readStream(baseRecordStreamId(recordId));
    const state = events.map((e) => toDomainEvent<BaseRecordEvent>(e)).reduce(baseRecordDecider.evolve, baseRecordDecider.initialState());
    return { state, recorded: events };
  }

  /** The entry as the register holds it; another grid's entry is as unknown as a made-up id (404), so ids cannot be probed. */
  async entryIn(gridId: string, recordId: string): Promise<RegisterEntry> {
    const { state } = await this.load(recordId);
    if (state.status === 'None' || state.gridId !== gridId) {
      throw new DomainError('BASE_RECORD.NOT_FOUND', `grid ${gridId} has no entry ${recordId}`, { recordId });
    }
    return state;
  }

  /**
   * A case may name only an active facility of its own grid. Checked against the register itself, not a projection, so
   * a facility entered a moment ago can be named at once.
   */
  async assertFacilityOf(grid: GridPlace, facilityId: string): Promise<void> {
    const { state } = await this.load(facilityId);
    if (state.status !== 'Active' || state.details.kind !== 'facility' || state.gridId !== grid.grid.id) {
      throw new DomainError('CASE.FACILITY_NOT_IN_GRID', `grid ${grid.grid.id} has no facility ${facilityId} in its register`, {
        field: 'facilityId',
        gridId: grid.grid.id,
      });
    }
  }

  execute(recordId: string, command: BaseRecordCommand, metadata: CommandMetadata): Promise<CommandResult<BaseRecordState>> {
    return handleCommand(this.infrastructure.eventStore, baseRecordDecider, baseRecordStreamId(recordId), command, metadata);
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
