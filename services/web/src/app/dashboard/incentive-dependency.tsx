import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Loading } from '../ui';

/**
 * 激励依赖度: this month's participation that earned points next to participation that earned nothing
 * material, and the share paid for, with what it means in plain words (a city fading its rewards watches it fall).
 * One line and an explanation on demand: the wall has no room to spare.
 */
export function IncentiveDependency() {
  const { t } = useI18n();
  const figure = useApiQuery('/api/dashboards/points/incentive-dependency', {}, { publicRead: true });
  return (
    <section className="wall-panel wall-incentive" aria-labelledby="incentive-title">
      <h2 className="section-title" id="incentive-title">
        {t('incentiveTitle')}
      </h2>
      <Loading loaded={figure}>
        {({ periods }) => {
          const month = periods[periods.length - 1];
          if (!month || month.rewarded + month.unrewarded === 0) return <p className="wall-incentive-line">{t('incentiveNone')}</p>;
          const [year, monthNumber] = month.period.split('-');
          return (
            <p className="wall-incentive-line">
              <span className="visually-hidden">{t('incentiveMonth', { year, month: monthNumber })}: </span>
              {t('incentiveLine', { rewarded: month.rewarded, unrewarded: month.unrewarded })}
              <strong>{month.materialSharePercent}%</strong>
            </p>
          );
        }}
      </Loading>
      <details className="wall-incentive-why">
        <summary>{t('incentiveWhat')}</summary>
        <p>{t('incentiveExplanation')}</p>
      </details>
    </section>
  );
}
