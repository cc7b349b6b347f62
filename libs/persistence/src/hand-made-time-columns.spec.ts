import { Column, Entity, getMetadataArgsStorage, PrimaryColumn } from 'typeorm';
import { handMadeTimeColumns, namesAnInstant } from './hand-made-time-columns';
import { InstantColumn } from './instant-column';

@Entity('planted_time_columns')
class PlantedTimeColumns {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'reported_at', length: 32 }) reportedAt!: string;
  @Column('text', { name: 'resolve_by', nullable: true }) resolveBy!: string | null;
  @Column({ type: 'timestamptz' }) closedAt!: Date;
  @Column('datetime') happened!: Date;
  @InstantColumn({ name: 'acknowledged_at' }) acknowledgedAt!: string;
  @Column('varchar', { name: 'booked_by', length: 100 }) bookedBy!: string;
  @Column('varchar', { name: 'opens_at', length: 5 }) opensAt!: string;
  @Column('varchar', { name: 'valid_until', length: 10 }) validUntil!: string;
}

describe('a time column declared by hand', () => {
  const planted = getMetadataArgsStorage().columns.filter((c) => c.target === PlantedTimeColumns);

  it('is found: a text instant, a deadline, a hand-made timestamptz or datetime', () => {
    expect(handMadeTimeColumns(planted).sort()).toEqual(
      [
        'PlantedTimeColumns.closedAt',
        'PlantedTimeColumns.happened',
        'PlantedTimeColumns.reportedAt',
        'PlantedTimeColumns.resolveBy',
      ].sort(),
    );
  });

  it('is not an instant column, an actor, a time of day or a date', () => {
    expect(handMadeTimeColumns(planted)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/\.(acknowledgedAt|bookedBy|opensAt|validUntil|id)$/)]),
    );
  });

  it.each([
    ['reportedAt', true],
    ['lockedUntil', true],
    ['since', true],
    ['checkInBy', true],
    ['taskDueBy', true],
    ['createdBy', false],
    ['handledBy', false],
    ['status', false],
  ])('%s names an instant: %s', (property, expected) => {
    expect(namesAnInstant(property)).toBe(expected);
  });
});
