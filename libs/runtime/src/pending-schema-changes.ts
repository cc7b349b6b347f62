import type { DataSource } from 'typeorm';

/** What TypeORM would still do to the schema to fit the entities, as SQL: nothing when the migrations cover them. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  const withParameters = [...upQueries, ...downQueries].find((q) => q.parameters && q.parameters.length > 0);
  if (withParameters) throw new Error(`a schema change takes parameters, which a migration file cannot carry yet: ${withParameters.query}`);
  return { up: upQueries.map((q) => q.query), down: downQueries.reverse().map((q) => q.query) };
}
