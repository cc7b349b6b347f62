import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { loadConfig } from '@gongzhi/platform';
import { gridEventsSettingsSchema } from '../grid-events.settings';
import { loadReferenceData } from '../reference-data/load-reference-data';
import { notificationFor } from './notification-messages';

const reference = loadReferenceData();

function caseEvent(type: string, data: unknown): PublicEvent {
  const parsed = publicEvents.parse({
    eventId: '0192d4e0-7c1a-7000-8000-000000000001',
    type,
    schemaVersion: publicEvents.latestVersion(type),
    streamId: 'case-1',
    streamVersion: 3,
    occurredAt: '2026-12-04T01:00:00.000Z',
    data,
  });
  if (parsed.kind !== 'ok') throw new Error(JSON.stringify(parsed));
  return parsed.event;
}

// 09:00 UTC on 4 December is 17:00 in Shanghai: the reporter reads the city's clock, and is told which it is.
const dispatched = caseEvent('CaseDispatched', {
  caseId: '1',
  categoryCode: 'city.road.pothole',
  assigneeKind: 'department',
  assigneeId: 'dept-zhujian',
  departmentId: 'dept-zhujian',
  acknowledgeBy: '2026-12-04T02:00:00.000Z',
  resolveBy: '2026-12-04T09:00:00.000Z',
});

const settingsFromEnv = (env: Record<string, string>) => loadConfig(gridEventsSettingsSchema, env).settings;

describe("the reporter's notifications", () => {
  it("print a deadline in the city's time, Asia/Shanghai by default, and say so", () => {
    const { cityTimeZone } = settingsFromEnv({});
    expect(cityTimeZone).toBe('Asia/Shanghai');
    expect(notificationFor(dispatched, reference, cityTimeZone)).toMatchObject({
      zh: '已交由区建设管理委员会处理，预计 2026-12-04 17:00（北京时间） 前办结。',
      en: expect.stringContaining('by 2026-12-04 17:00 (Asia/Shanghai time)'),
    });
    const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '坑还在', resolveBy: '2026-12-04T16:30:00.000Z' });
    expect(notificationFor(reopened, reference, cityTimeZone)?.zh).toBe('已重新交办，预计 2026-12-05 00:30（北京时间） 前办结。');
  });

  it('follow a configured time zone, and refuse one that is not a time zone, naming the variable', () => {
    const { cityTimeZone } = settingsFromEnv({ GONGZHI_CITY_TIME_ZONE: 'Asia/Urumqi' });
    expect(notificationFor(dispatched, reference, cityTimeZone)?.zh).toContain('2026-12-04 15:00（乌鲁木齐时间）');
    expect(() => settingsFromEnv({ GONGZHI_CITY_TIME_ZONE: 'Mars/Olympus' })).toThrow('GONGZHI_CITY_TIME_ZONE: expected an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"');
  });

  it('tell the reporter of a reopened case nobody held that it is being assigned anew, not that it is back with someone', () => {
    const reopened = caseEvent('CaseReopened', { caseId: '1', reason: '又堵了', resolveBy: null });
    expect(notificationFor(reopened, reference, 'Asia/Shanghai')).toMatchObject({ zh: expect.stringContaining('正在重新安排处置单位'), en: expect.stringContaining('assigned anew') });
  });
});
