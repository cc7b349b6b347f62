import { useI18n, type MessageKey } from '../i18n';

// The essay's two cases (/work/shared/reference): Hangzhou's City Brain cut the average case from 3 days to
// 4.2 hours; Beijing Dongcheng's 吹哨报到 cut stubborn problems from 45 days to 7. Ours are medians from the read models.
const HANGZHOU_AFTER_MINUTES = 4.2 * 60;
const DONGCHENG_AFTER_MINUTES = 7 * 24 * 60;

/** Minutes as a person reads a span: minutes, hours or days. */
export function useSpan() {
  const { t } = useI18n();
  return (minutes: number | null | undefined) =>
    minutes === null || minutes === undefined
      ? t('none')
      : minutes < 60
        ? `${Math.round(minutes)} ${t('minutes')}`
        : minutes < 48 * 60
          ? t('hoursOneDecimal', { hours: (minutes / 60).toFixed(1) })
          : t('days', { days: (minutes / 1440).toFixed(1) });
}

/** 与文中的先进做法对照: our case and whistle resolution times beside the essay's two reference cities. */
export function WallComparison({ caseMinutes, whistleMinutes }: { caseMinutes: number | null; whistleMinutes: number | null }) {
  const { t } = useI18n();
  const span = useSpan();
  const row = (label: MessageKey, reference: MessageKey, ours: number | null, after: number) => (
    <div className="wall-compare-row">
      <dt>{t(label)}</dt>
      <dd className="wall-compare-ref">{t(reference)}</dd>
      <dd className="wall-compare-ours">
        {ours === null ? (
          t('wallNotYet')
        ) : (
          <>
            {t('wallOurs', { value: span(ours) })}{' '}
            <span className={ours <= after ? 'wall-met' : 'wall-missed'}>
              <span aria-hidden="true">{ours <= after ? '▲ ' : '▼ '}</span>
              {t(ours <= after ? 'wallFaster' : 'wallSlower')}
            </span>
          </>
        )}
      </dd>
    </div>
  );
  return (
    <section className="wall-panel" aria-labelledby="wall-compare-title">
      <h2 className="section-title" id="wall-compare-title">
        {t('wallCompare')}
      </h2>
      <dl className="wall-compare">
        {row('wallCompareCase', 'wallCompareCaseRef', caseMinutes, HANGZHOU_AFTER_MINUTES)}
        {row('wallCompareWhistle', 'wallCompareWhistleRef', whistleMinutes, DONGCHENG_AFTER_MINUTES)}
      </dl>
    </section>
  );
}
