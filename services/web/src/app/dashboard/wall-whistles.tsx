import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { useDepartmentNames } from '../staff/staff-console';
import { Loading } from '../ui';
import { useSpan } from './wall-comparison';

/** 吹哨报到 per department: how often it was summoned, checked in on time, missed, and finished its tasks on time. */
export function WallWhistles() {
  const { t } = useI18n();
  const { departmentName } = useDepartmentNames();
  const span = useSpan();
  const summary = useApiQuery('/api/dashboards/whistles/summary', { query: { groupBy: 'department' } }, { publicRead: true });
  const pct = (value: number | null) => (value === null ? t('none') : `${Math.round(value * 10) / 10}%`);
  return (
    <section className="wall-panel" aria-labelledby="wall-whistles-title">
      <h2 className="section-title" id="wall-whistles-title">
        {t('wallWhistles')}
      </h2>
      <Loading loaded={summary}>
        {({ rows }) =>
          rows.length === 0 ? (
            <p>{t('noData')}</p>
          ) : (
            <table className="table wall-table">
              <caption className="visually-hidden">{t('wallWhistles')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('department')}</th>
                  <th scope="col">{t('wallSummoned')}</th>
                  <th scope="col">{t('wallCheckInOnTime')}</th>
                  <th scope="col">{t('wallMissedCheckIns')}</th>
                  <th scope="col">{t('wallTaskOnTime')}</th>
                  <th scope="col">{t('medianResolve')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => b.summons - a.summons)
                  .slice(0, 6)
                  .map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{departmentName(row.key)}</th>
                      <td>{row.summons}</td>
                      <td>{pct(row.checkInWithinDeadlinePercent)}</td>
                      <td>{row.missed}</td>
                      <td>{pct(row.tasksWithinDeadlinePercent)}</td>
                      <td>{span(row.resolveMedianMinutes)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}
