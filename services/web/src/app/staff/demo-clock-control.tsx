import { hasRole, useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, useAction } from '../ui';

const STEPS = [
  { hours: 1, zh: '+1 小时', en: '+1 hour' },
  { hours: 24, zh: '+1 天', en: '+1 day' },
  { hours: 72, zh: '+3 天', en: '+3 days' },
] as const;

/**
 * The demo clock (demo mode only): an admin moves the platform's time forward and the due deadlines fire in order, so
 * a vote closes or an SLA passes while they watch. Where the route does not exist (not demo mode) nothing is shown.
 */
export function DemoClockControl() {
  const { lang, dateTime } = useI18n();
  const api = useApi();
  const clock = useApiQuery('/api/demo/clock', hasRole(api.principal, 'admin') ? {} : null);
  const { busy, error, run } = useAction();
  if (!clock.data) return null;
  const { now } = clock.data;
  const zh = lang === 'zh';
  return (
    <section className="demo-clock" aria-labelledby="demo-clock-title">
      <h2 id="demo-clock-title">{zh ? '演示时钟' : 'Demo clock'}</h2>
      <p>
        {zh ? '平台时间：' : 'Platform time: '}
        <time dateTime={now}>{dateTime(now)}</time>
      </p>
      {STEPS.map((step) => (
        <button
          key={step.hours}
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.send('POST', '/api/demo/clock/advance', { hours: step.hours })).then(clock.reload)}
        >
          {zh ? step.zh : step.en}
        </button>
      ))}
      <ActionError error={error} />
    </section>
  );
}
