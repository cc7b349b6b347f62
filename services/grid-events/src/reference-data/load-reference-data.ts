import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsv } from '@gongzhi/platform';
import demoCity from './demo-city.json';
import { ReferenceData } from './reference-data';
import { categorySchema, districtSchema, referenceDataSchema, type Category, type ReferenceDataDocument } from './reference-data.schema';

export interface ReferenceDataSources {
  /** A whole document (.json); the embedded demo city when absent. */
  readonly document?: string;
  /** The service catalogue alone (.csv or .json array), replacing the document's. */
  readonly categories?: string;
  /** The organisation tree below the city, one grid per row (.csv), replacing the document's. */
  readonly grids?: string;
}

/** The variable naming each source. */
export const REFERENCE_DATA_VARIABLES = [
  ['GONGZHI_GRID_EVENTS_REFERENCE_DATA', 'document'],
  ['GONGZHI_GRID_EVENTS_CATEGORIES', 'categories'],
  ['GONGZHI_GRID_EVENTS_GRIDS', 'grids'],
] as const satisfies readonly (readonly [string, keyof ReferenceDataSources])[];

/** Reads the sources from the environment the caller passes (the host's, for the organisation tree). */
export function referenceDataSourcesFromEnv(env: Readonly<Record<string, string | undefined>>): ReferenceDataSources {
  return Object.fromEntries(REFERENCE_DATA_VARIABLES.map(([variable, source]) => [source, env[variable] || undefined]));
}

export function loadReferenceData(sources: ReferenceDataSources = {}): ReferenceData {
  const base: unknown = sources.document ? JSON.parse(read(sources.document)) : demoCity;
  const document = check(referenceDataSchema, base, sources.document ?? 'the embedded demo city');
  const categories = sources.categories ? categoriesFrom(sources.categories) : document.categories;
  const districts = sources.grids ? districtsFromCsv(read(sources.grids), sources.grids) : document.districts;
  return new ReferenceData({ ...document, categories, districts });
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`reference data: cannot read ${path}: ${(error as Error).message}`);
  }
}

function check<T extends z.ZodType>(schema: T, value: unknown, source: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`reference data in ${source} is invalid: ${issues.slice(0, 5).join('; ')}`);
}

const yes = (value: string) => ['true', 'yes', '1', '是'].includes(value.toLowerCase());

/** categories.csv: code,name_zh,name_en,group,lead_department_id,acknowledge_within_hours,resolve_within_hours,evaluation_required,keywords (| separated). */
export function categoriesFromCsv(text: string, source = 'categories.csv'): Category[] {
  return parseCsv(text).map((row, index) =>
    check(
      categorySchema,
      {
        code: row['code'],
        name: { zh: row['name_zh'], en: row['name_en'] },
        group: row['group'],
        leadDepartmentId: row['lead_department_id'],
        acknowledgeWithinHours: Number(row['acknowledge_within_hours']),
        resolveWithinHours: Number(row['resolve_within_hours']),
        evaluationRequired: yes(row['evaluation_required'] ?? ''),
        keywords: (row['keywords'] ?? '').split('|').filter(Boolean),
      },
      `${source} line ${index + 2}`,
    ),
  );
}

function categoriesFrom(path: string): Category[] {
  if (path.endsWith('.csv')) return categoriesFromCsv(read(path), path);
  return check(z.array(categorySchema), JSON.parse(read(path)), path);
}

/**
 * grids.csv, one grid per row with the path above it: district_id,district_zh,district_en,street_id,street_zh,
 * street_en,community_id,community_zh,community_en,grid_id,grid_zh,grid_en,households,people,grid_workers
 * (username:name | separated),south,west,north,east.
 */
export function districtsFromCsv(text: string, source = 'grids.csv'): ReferenceDataDocument['districts'] {
  type Node = { id: string; name: { zh: string; en: string }; children: Map<string, Node>; grids: unknown[] };
  const node = (id: string, zh: string, en: string): Node => ({ id, name: { zh, en }, children: new Map(), grids: [] });
  const districts = new Map<string, Node>();
  const childOf = (parent: Map<string, Node>, id: string, zh: string, en: string) => {
    if (!parent.has(id)) parent.set(id, node(id, zh, en));
    return parent.get(id)!;
  };
  parseCsv(text).forEach((row) => {
    const district = childOf(districts, row['district_id'], row['district_zh'], row['district_en']);
    const street = childOf(district.children, row['street_id'], row['street_zh'], row['street_en']);
    const community = childOf(street.children, row['community_id'], row['community_zh'], row['community_en']);
    community.grids.push({
      id: row['grid_id'],
      name: { zh: row['grid_zh'], en: row['grid_en'] },
      households: Number(row['households']),
      people: Number(row['people']),
      gridWorkers: (row['grid_workers'] ?? '')
        .split('|')
        .filter(Boolean)
        .map((entry) => {
          const [id, ...name] = entry.split(':');
          return { id, name: name.join(':') || id };
        }),
      bounds: { south: Number(row['south']), west: Number(row['west']), north: Number(row['north']), east: Number(row['east']) },
    });
  });
  const tree = [...districts.values()].map((d) => ({
    id: d.id,
    name: d.name,
    streets: [...d.children.values()].map((s) => ({
      id: s.id,
      name: s.name,
      communities: [...s.children.values()].map((c) => ({ id: c.id, name: c.name, grids: c.grids })),
    })),
  }));
  return check(z.array(districtSchema).min(1), tree, source);
}
