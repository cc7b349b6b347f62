import type { DataSource } from 'typeorm';
import { Account } from '@gongzhi/identity';
import { CityLife, type Category, type Grid } from './city-life';
import type { DemoClient } from './demo-client';
import type { SeededRandom } from './seeded-random';

const STREET = 'street-nanjingdong';

/**
 * Introduces the demo client to every account of the city (as the issuer would at their login) and learns the
 * streets' grids and the report categories from the API: the city life the history and the simulator both run;
 * `year` is the micro-budget year it runs.
 */
export async function meetTheCity(
  client: DemoClient,
  identity: DataSource,
  random: SeededRandom,
  year = client.now().getUTCFullYear(),
): Promise<CityLife> {
  const residents: string[] = [];
  for (const account of await identity.getRepository(Account).find()) {
    client.knowAs(account.username, {
      subject: account.id,
      displayName: account.displayName,
      roles: account.roles,
      scope: account.scope,
      verification: account.verification,
    });
    if (account.username.startsWith('demo-neighbour-')) residents.push(account.username);
  }
  const admin = 'demo-admin';
  const organisation = (await client.call(admin, 'GET', '/api/organisation')).data;
  const grids: Grid[] = [];
  for (const district of organisation.districts)
    for (const street of district.streets)
      if (street.id === STREET)
        for (const community of street.communities) for (const grid of community.grids) grids.push({ id: grid.id, bounds: grid.bounds });
  const categories = (await client.call(admin, 'GET', '/api/categories')).data.categories as Category[];
  return new CityLife(client, random, ['demo-resident', ...residents.sort()], grids, categories, year);
}
