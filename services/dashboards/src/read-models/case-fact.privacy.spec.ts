import { getMetadataArgsStorage } from 'typeorm';
import { CaseFact } from './case-fact.entity';

/**
 * The dashboards (public lists, SLA tables, the live stream) read cases only through CaseFact. The rule of what a
 * reader may see of a case has nothing to filter here as long as no fact carries a report's words, its place finer
 * than a grid, its photos or its reporter; this keeps it so.
 */
describe('dashboard case facts carry nothing private of a report', () => {
  const columns = getMetadataArgsStorage()
    .columns.filter((c) => c.target === CaseFact)
    .map((c) => c.propertyName);

  it('has the columns of SLA figures', () =>
    expect(columns).toEqual(expect.arrayContaining(['caseId', 'categoryCode', 'gridId', 'status'])));

  it.each(['description', 'lat', 'long', 'location', 'address', 'photoIds', 'reporterId', 'anonymous'])('has no %s', (name) =>
    expect(columns).not.toContain(name),
  );
});
