import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** Ids per `IN` list, and rows per upsert: both well under PostgreSQL's 65,535 parameters. */
const IDS_PER_QUERY = 1_000;
const ROWS_PER_UPSERT = 500;

/**
 * One read-model table's rows for a batch of events: read in a few queries up front, looked up and changed in
 * memory while the batch's steps run in order, and the changed ones written back at the end with one upsert per
 * 500 rows, in key order (so two writers never deadlock). `get` hands out a copy, as a find would, so a step
 * that changes a row and then gives up leaves it as it was; `put` keeps the row as it would have been saved.
 */
export class BatchRows<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly entity: EntityTarget<Row> & (new () => Row),
    private readonly keyOf: (row: Row) => string,
    /** The primary key's properties, for the upsert's ON CONFLICT. */
    private readonly keyProperties: readonly (keyof Row & string)[],
  ) {}

  /** Reads the stored rows whose `property` is one of `values`. */
  async load(manager: EntityManager, property: keyof Row & string, values: Iterable<string>): Promise<this> {
    const ids = [...new Set(values)];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const where = { [property]: In(ids.slice(i, i + IDS_PER_QUERY)) } as never;
      for (const row of await manager.findBy(this.entity, where)) this.rows.set(this.keyOf(row), row);
    }
    return this;
  }

  get(key: string): Row | null {
    const row = this.rows.get(key);
    return row ? this.copy(row) : null;
  }

  put(row: Partial<Row>): void {
    const stored = this.copy(row);
    const key = this.keyOf(stored);
    const before = this.rows.get(key);
    // A save of some columns keeps the others, as TypeORM's save does on a row that exists.
    this.rows.set(key, before ? Object.assign(this.copy(before), stored) : stored);
    this.changed.add(key);
  }

  async writeTo(manager: EntityManager): Promise<void> {
    const rows = [...this.changed].sort().map((key) => this.rows.get(key)!);
    for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
      await manager.upsert(this.entity, rows.slice(i, i + ROWS_PER_UPSERT) as never, [...this.keyProperties]);
    }
  }

  /** A copy whose arrays are copies too (a step may push to them). */
  private copy(row: Partial<Row>): Row {
    const copy = Object.assign(new this.entity(), row);
    for (const [property, value] of Object.entries(copy)) if (Array.isArray(value)) (copy as ObjectLiteral)[property] = [...value];
    return copy;
  }
}
