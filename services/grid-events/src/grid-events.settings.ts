import { isDemoDataOn, textVariable, urlVariable } from '@gongzhi/platform';
import { z } from 'zod';
import { loadReferenceData, REFERENCE_DATA_VARIABLES, type ReferenceDataSources } from './reference-data/load-reference-data';
import type { ReferenceData } from './reference-data/reference-data';

export interface GridEventsSettings {
  /** Hours a reporter has to confirm or reopen a resolved case (and to rate a confirmed one) before it closes itself. */
  readonly autoCloseAfterHours: number;
  /** Largest photo accepted, in bytes. */
  readonly maxPhotoBytes: number;
  /** Where the local-disk media adapter keeps photos; derived from the service's database when absent. */
  readonly mediaDir?: string;
  /** Open311 api_key → the client's name (a Map: a key from a request is never an object property). */
  readonly open311ApiKeys: ReadonlyMap<string, string>;
  /** Where reporter notifications are POSTed (an SMS or messaging gateway); none: kept for the app only. */
  readonly notificationWebhookUrl?: string;
  /** Base URL of this service as the public sees it, for Open311 media_url. */
  readonly publicBaseUrl?: string;
  /** The IANA time zone every date a person reads is written in (Asia/Shanghai by default); storage stays UTC. */
  readonly cityTimeZone: string;
  /** The base map under the city's grids (a `{z}/{x}/{y}` tile URL template, Tianditu or OpenStreetMap style); none: grids only. */
  readonly mapTiles?: MapTiles;
}

export interface MapTiles {
  readonly urlTemplate: string;
  /** Who the tiles belong to, shown on the map as their licence asks. */
  readonly attribution: string;
}

/** What the service module is given: its settings and the city's reference data (the catalogue, the organisation tree). */
export interface GridEventsServiceSettings {
  readonly settings: GridEventsSettings;
  readonly referenceData: ReferenceData;
}

export const DEFAULT_CITY_TIME_ZONE = 'Asia/Shanghai';

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

function checkedText(expected: string, valid: (value: string) => boolean) {
  return textVariable(expected).refine(valid, { error: expected });
}

const positiveNumber = () =>
  checkedText('expected a positive number', (raw) => /^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0).transform((raw) => Number(raw));
// A template, not a URL: `{s}` may stand in a host name, where URL parsing would refuse it.
const tileUrlTemplate = () =>
  checkedText(
    'expected an http(s) tile URL template with {z}, {x} and {y}, such as https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    (raw) => /^https?:\/\/\S+$/.test(raw) && ['{z}', '{x}', '{y}'].every((part) => raw.includes(part)),
  );
const httpUrl = () => urlVariable({ protocols: ['http:', 'https:'], example: 'https://gateway.example/notify' });

/** grid-events' variables (`loadConfig(gridEventsSettingsSchema)`); the host checks them with every other service's. */
export const gridEventsSettingsSchema = z
  .object({
    GONGZHI_MODE: z.string().optional(),
    GONGZHI_DEMO_DATA: z.string().optional(),
    GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS: positiveNumber().default(72),
    GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES: positiveNumber().default(5 * 1024 * 1024),
    GONGZHI_GRID_EVENTS_MEDIA_DIR: textVariable('expected a folder path').optional(),
    GONGZHI_OPEN311_API_KEYS: checkedText('expected key=client[,key=client…]', (raw) =>
      /^[^=,\s]+=[^=,]+(,[^=,\s]+=[^=,]+)*$/.test(raw),
    ).optional(),
    GONGZHI_GRID_EVENTS_NOTIFICATION_WEBHOOK: httpUrl().optional(),
    GONGZHI_PUBLIC_BASE_URL: httpUrl().optional(),
    GONGZHI_CITY_TIME_ZONE: checkedText('expected an IANA time zone such as Asia/Shanghai', isTimeZone).default(DEFAULT_CITY_TIME_ZONE),
    GONGZHI_MAP_TILE_URL: tileUrlTemplate().optional(),
    GONGZHI_MAP_TILE_ATTRIBUTION: textVariable("expected the tiles' attribution, such as © OpenStreetMap contributors").optional(),
    GONGZHI_GRID_EVENTS_REFERENCE_DATA: textVariable('expected a JSON file').optional(),
    GONGZHI_GRID_EVENTS_CATEGORIES: textVariable('expected a .csv or .json file').optional(),
    GONGZHI_GRID_EVENTS_GRIDS: textVariable('expected a .csv file').optional(),
  })
  .superRefine(
    (c, ctx) => {
      const problem = referenceDataProblem(c);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
    },
    // Checked even when another variable is bad, so one start names both.
    { when: () => true },
  )
  .transform((c): GridEventsServiceSettings => {
    const referenceData = loadReferenceData(referenceDataSourcesOf(c));
    return {
      settings: {
        autoCloseAfterHours: c.GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS,
        maxPhotoBytes: c.GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES,
        mediaDir: c.GONGZHI_GRID_EVENTS_MEDIA_DIR,
        // The published demo key works only with demo data; a deployment sets its own keys.
        open311ApiKeys: new Map(
          c.GONGZHI_OPEN311_API_KEYS
            ? c.GONGZHI_OPEN311_API_KEYS.split(',').map((pair) => pair.split('=') as [string, string])
            : isDemoDataOn({ GONGZHI_MODE: c.GONGZHI_MODE, GONGZHI_DEMO_DATA: c.GONGZHI_DEMO_DATA })
              ? [['demo-open311-key', 'demo client']]
              : [],
        ),
        notificationWebhookUrl: c.GONGZHI_GRID_EVENTS_NOTIFICATION_WEBHOOK,
        publicBaseUrl: c.GONGZHI_PUBLIC_BASE_URL,
        cityTimeZone: c.GONGZHI_CITY_TIME_ZONE,
        mapTiles: c.GONGZHI_MAP_TILE_URL
          ? { urlTemplate: c.GONGZHI_MAP_TILE_URL, attribution: c.GONGZHI_MAP_TILE_ATTRIBUTION ?? '' }
          : undefined,
      },
      referenceData,
    };
  });

type ReferenceDataVariables = Partial<Record<(typeof REFERENCE_DATA_VARIABLES)[number][0], string>>;

function referenceDataSourcesOf(env: ReferenceDataVariables): ReferenceDataSources {
  return Object.fromEntries(REFERENCE_DATA_VARIABLES.map(([variable, source]) => [source, env[variable]]));
}

/** The variable whose file cannot be read or holds no valid reference data, and why. */
function referenceDataProblem(env: ReferenceDataVariables): { variable: string; message: string } | undefined {
  const sources = referenceDataSourcesOf(env);
  try {
    loadReferenceData(sources);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // The loader's message names the file; the variable that named it is the one at fault.
    const named = REFERENCE_DATA_VARIABLES.find(([, source]) => sources[source] !== undefined && message.includes(sources[source]!));
    return { variable: (named ?? REFERENCE_DATA_VARIABLES[0])[0], message };
  }
}
