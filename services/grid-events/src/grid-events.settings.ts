import { isDemoDataOn } from '@gongzhi/platform';
import { z } from 'zod';

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

const positive = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).positive({ error: `${name} must be positive` });

/** Reads and checks the settings at start-up; an invalid one fails with a message naming its variable. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): GridEventsSettings {
  const schema = z.object({
    GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS: positive('GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS').default(72),
    GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES: positive('GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES').default(5 * 1024 * 1024),
    GONGZHI_GRID_EVENTS_MEDIA_DIR: z.string().min(1).optional(),
    GONGZHI_OPEN311_API_KEYS: z
      .string()
      .regex(/^[^=,\s]+=[^=,]+(,[^=,\s]+=[^=,]+)*$/, { error: 'GONGZHI_OPEN311_API_KEYS must be key=client[,key=client…]' })
      .optional(),
    GONGZHI_GRID_EVENTS_NOTIFICATION_WEBHOOK: z.url({ error: 'GONGZHI_GRID_EVENTS_NOTIFICATION_WEBHOOK must be a URL' }).optional(),
    GONGZHI_PUBLIC_BASE_URL: z.url({ error: 'GONGZHI_PUBLIC_BASE_URL must be a URL' }).optional(),
    GONGZHI_CITY_TIME_ZONE: z
      .string()
      .refine(isTimeZone, { error: 'GONGZHI_CITY_TIME_ZONE must be an IANA time zone such as Asia/Shanghai' })
      .default(DEFAULT_CITY_TIME_ZONE),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`grid-events configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const c = parsed.data;
  return {
    autoCloseAfterHours: c.GONGZHI_GRID_EVENTS_AUTO_CLOSE_HOURS,
    maxPhotoBytes: c.GONGZHI_GRID_EVENTS_MAX_PHOTO_BYTES,
    mediaDir: c.GONGZHI_GRID_EVENTS_MEDIA_DIR,
    // The published demo key works only with demo data; a deployment sets its own keys.
    open311ApiKeys: new Map(
      c.GONGZHI_OPEN311_API_KEYS
        ? c.GONGZHI_OPEN311_API_KEYS.split(',').map((pair) => pair.split('=') as [string, string])
        : isDemoDataOn(env)
          ? [['demo-open311-key', 'demo client']]
          : [],
    ),
    notificationWebhookUrl: c.GONGZHI_GRID_EVENTS_NOTIFICATION_WEBHOOK,
    publicBaseUrl: c.GONGZHI_PUBLIC_BASE_URL,
    cityTimeZone: c.GONGZHI_CITY_TIME_ZONE,
  };
}
