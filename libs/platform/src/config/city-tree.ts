import { readFileSync } from 'node:fs';
import { DEMO_CITY_TREE, OrganisationTree, organisationTreeOfReferenceData, type OrganisationTreeDocument } from '@gongzhi/identity';
import { ConfigurationError } from './configuration-error';
import { parseCsv } from './csv';
import type { Environment } from './load-config';

/**
 * The variables naming the city's reference data. grid-events reads the whole of it (names, boundaries, the
 * service catalogue); every other process reads the organisation tree from the same files, so every service
 * decides scoped authority on the tree the cases are filed in.
 */
export const CITY_TREE_VARIABLES = {
  /** A whole reference data document (.json): the city and the tree below it. */
  document: 'GONGZHI_GRID_EVENTS_REFERENCE_DATA',
  /** The tree below the city, one grid per row (.csv), replacing the document's. */
  grids: 'GONGZHI_GRID_EVENTS_GRIDS',
} as const;

/**
 * The organisation tree of the city's reference data as `env` names it (the shipped demo city's when it names
 * none); a `ConfigurationError` naming the variable when a file cannot be read or holds no tree.
 */
export function cityTreeFromEnv(env: Environment): OrganisationTree {
  const documentPath = env[CITY_TREE_VARIABLES.document]?.trim() || undefined;
  const gridsPath = env[CITY_TREE_VARIABLES.grids]?.trim() || undefined;
  if (!documentPath && !gridsPath) return DEMO_CITY_TREE;
  const base = documentPath
    ? attempt(CITY_TREE_VARIABLES.document, () => organisationTreeOfReferenceData(json(read(documentPath), documentPath), documentPath))
    : DEMO_CITY_TREE;
  if (!gridsPath) return base;
  return attempt(CITY_TREE_VARIABLES.grids, () => organisationTreeOfGridRows(base.document.cityId, parseCsv(read(gridsPath)), gridsPath));
}

/**
 * The tree of a grids.csv (one grid per row with the path above it: district_id, street_id, community_id, grid_id
 * and the names, households … that grid-events reads) under the city `cityId`.
 */
export function organisationTreeOfGridRows(
  cityId: string,
  rows: readonly Record<string, string>[],
  source = 'grids.csv',
): OrganisationTree {
  const districts = new Map<string, Map<string, Map<string, string[]>>>();
  rows.forEach((row, index) => {
    const missing = GRID_PATH.filter((column) => !row[column]);
    if (missing.length > 0) throw new Error(`${source} line ${index + 2}: ${missing.join(', ')} not set`);
    const streets = entry(districts, row['district_id'], () => new Map());
    const communities = entry(streets, row['street_id'], () => new Map());
    entry(communities, row['community_id'], () => []).push(row['grid_id']);
  });
  if (districts.size === 0) throw new Error(`${source} has no grids`);
  const document: OrganisationTreeDocument = {
    cityId,
    districts: [...districts].map(([id, streets]) => ({
      id,
      streets: [...streets].map(([streetId, communities]) => ({
        id: streetId,
        communities: [...communities].map(([communityId, gridIds]) => ({ id: communityId, gridIds })),
      })),
    })),
  };
  return new OrganisationTree(document);
}

const GRID_PATH = ['district_id', 'street_id', 'community_id', 'grid_id'] as const;

function entry<V>(map: Map<string, V>, key: string, create: () => NoInfer<V>): V {
  if (!map.has(key)) map.set(key, create());
  return map.get(key)!;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function json(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
}

function attempt(variable: string, load: () => OrganisationTree): OrganisationTree {
  try {
    return load();
  } catch (error) {
    throw new ConfigurationError([`${variable}: ${(error as Error).message}`]);
  }
}
