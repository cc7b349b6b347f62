import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Loading } from '../ui';

const STATUS_KEY = { announced: 'rewardScheduleAnnounced', in_force: 'rewardScheduleInForce', ended: 'rewardScheduleEnded' } as const;

/** What residents are told ahead: each rule whose reward changes, from which day (city time), to what. */
export function RewardSchedule() {
  const { t } = useI18n();
  const schedule = useApiQuery('/api/points/reward-schedule', {});
  return (
    <section className="card" aria-labelledby="reward-schedule-title">
      <h2 id="reward-schedule-title" className="section-title">
        {t('rewardScheduleTitle')}
      </h2>
      <p>{t('rewardScheduleIntro')}</p>
      <Loading loaded={schedule}>
        {({ rules }) => {
          const changing = rules.filter((rule) => rule.phases.some((phase) => phase.status !== 'ended'));
          if (changing.length === 0) return <p>{t('rewardScheduleNone')}</p>;
          return (
            <ul className="plain-list">
              {changing.map((rule) =>
                rule.phases
                  .filter((phase) => phase.status !== 'ended')
                  .map((phase) => (
                    <li key={phase.phaseId}>
                      <strong>{rule.name}</strong>：{t('rewardScheduleFrom', { day: phase.from })}，
                      {phase.reward === 'honour'
                        ? t('rewardScheduleHonour', { honour: phase.honourName ?? '' })
                        : t('rewardSchedulePoints', { points: phase.points })}
                      （{t(STATUS_KEY[phase.status])}）{phase.note && <span className="muted"> {phase.note}</span>}
                    </li>
                  )),
              )}
            </ul>
          );
        }}
      </Loading>
    </section>
  );
}
