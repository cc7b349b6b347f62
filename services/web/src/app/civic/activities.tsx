import { useState } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Loading, Notice, useAction } from '../ui';

type CommunityActivity = AnswerOf<'/api/co-building/communities/{communityId}/activities'>[number];

/** The community's activities with the places left; a resident whose level unlocks early sign-up is told so. */
export function ActivitiesSection({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const activities = useApiQuery('/api/co-building/communities/{communityId}/activities', { path: { communityId } });
  const mine = useApiQuery('/api/deliberation/residents/me/privileges', {});
  const early = mine.data?.privileges.includes('early-sign-up') ?? false;
  return (
    <section className="card" aria-labelledby="activities-title">
      <h2 id="activities-title" className="section-title">
        {t('activitiesTitle')}
      </h2>
      <Loading loaded={activities}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('activitiesEmpty')}</p>
          ) : (
            <ul className="list">
              {list.map((activity) => (
                <ActivityItem key={activity.activityId} activity={activity} early={early} onSignedUp={activities.reload} />
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}

function ActivityItem({ activity, early, onSignedUp }: { activity: CommunityActivity; early: boolean; onSignedUp: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [done, setDone] = useState(false);
  const signUp = async () => {
    if (await action.run(() => api.send('POST', `/api/co-building/activities/${encodeURIComponent(activity.activityId)}/sign-ups`, {}))) {
      setDone(true);
      onSignedUp();
    }
  };
  return (
    <li aria-label={activity.title}>
      <h3 className="subsection-title">{activity.title}</h3>
      <p>{t('activityWhen', { startsAt: activity.startsAtCityTime, placesLeft: activity.placesLeft, capacity: activity.capacity })}</p>
      <p className="muted">{t('activityOpensAt', { opensAt: activity.signUpOpensAtCityTime })}</p>
      {/* Only worth saying while sign-up has not opened for everyone. */}
      {early && Date.parse(activity.signUpOpensAt) > Date.now() && <p>{t('activityEarlyForYou', { hours: activity.earlySignUpHours })}</p>}
      {done ? (
        <Notice kind="success">{t('activitySignedUp')}</Notice>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy || activity.placesLeft === 0}
          onClick={() => void signUp()}
        >
          {activity.placesLeft === 0 ? t('activityFull') : t('activitySignUp')}
        </button>
      )}
      <ActionError error={action.error} />
    </li>
  );
}
