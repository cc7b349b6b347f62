import { useLoad } from '../api';
import { useI18n } from '../i18n';
import { Loading } from '../ui';

interface Period {
  period: string;
  rewarded: number;
  unrewarded: number;
  materialSharePercent: number | null;
}

/**
 * 激励依赖度: this month's participation that earned points next to participation that earned nothing
 * material, and the share paid for, with what it means in plain words (a city fading its rewards watches it fall).
 */
export function IncentiveDependency({ version }: { version: number }) {
  const { t } = useI18n();
  const figure = useLoad<{ periods: Period[] }>(`/api/dashboards/points/incentive-dependency?v=${version}`, { publicRead: true });
  return (
    <section className="wall-panel wall-incentive" aria-labelledby="incentive-title">
      <h2 className="section-title" id="incentive-title">
        {t('incentiveTitle')}
      </h2>
      {/* The wall has no room to spare: the explanation opens on demand, and screen readers get it with the figures. */}
      <details className="wall-incentive-why">
        <summary>{t('incentiveWhat')}</summary>
        <p id="incentive-explanation">{t('incentiveExplanation')}</p>
      </details>
      <Loading loaded={figure}>
        {({ periods }) => {
          const month = periods[periods.length - 1];
          if (!month || month.rewarded + month.unrewarded === 0) return <p>{t('incentiveNone')}</p>;
          const [year, monthNumber] = month.period.split('-');
          return (
            <dl className="figures wall-figures wall-figures-small" aria-describedby="incentive-explanation">
              <div className="figure">
                <dt>{t('incentiveShare')}</dt>
                <dd>
                  {month.materialSharePercent}%
                  <span className="visually-hidden"> · {t('incentiveMonth', { year, month: monthNumber })}</span>
                </dd>
              </div>
              <div className="figure">
                <dt>{t('incentiveRewarded')}</dt>
                <dd>{month.rewarded}</dd>
              </div>
              <div className="figure">
                <dt>{t('incentiveUnrewarded')}</dt>
                <dd>{month.unrewarded}</dd>
              </div>
            </dl>
          );
        }}
      </Loading>
    </section>
  );
}
