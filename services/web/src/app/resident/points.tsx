import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { cityDate } from '../city-time';
import { useI18n } from '../i18n';
import { PrivilegesSection } from './privileges';
import { RewardSchedule } from './reward-schedule';
import { PersonPicker, type PersonMatch } from '../people/person-picker';
import { REDEMPTION_STATUS, TIME_BANK_ENTRY_STATUS } from './strings';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';

export function PointsPage() {
  const { t, name } = useI18n();
  const api = useApi();
  const me = useApiQuery('/api/points/me', {});
  const rewards = useApiQuery('/api/points/rewards', {});
  const redemptions = useApiQuery('/api/points/me/redemptions', {});
  const communityId = api.principal?.scope.communityId;
  const leaderboard = useApiQuery('/api/points/leaderboards/{communityId}', communityId ? { path: { communityId } } : null);
  const redeem = useAction();
  const [voucher, setVoucher] = useState<string | null>(null);

  return (
    <>
      <section className="card">
        <PageTitle>{t('pointsTitle')}</PageTitle>
        <Loading loaded={me}>
          {(p) => (
            <>
              <dl className="figures">
                <div className="figure">
                  <dt>{t('balance')}</dt>
                  <dd>{p.balance}</dd>
                </div>
                <div className="figure">
                  <dt>{t('lifetime')}</dt>
                  <dd>{p.lifetimePoints}</dd>
                </div>
                <div className="figure">
                  <dt>{t('level')}</dt>
                  <dd>{p.level}</dd>
                </div>
              </dl>
              {p.nextLevel && <p>{t('toNextLevel', { level: p.nextLevel.name, points: p.nextLevel.pointsToGo })}</p>}
              <p>
                {t('badges')}：{p.badges.length ? p.badges.map((b) => b.name).join('、') : t('noBadges')}
              </p>
            </>
          )}
        </Loading>
      </section>
      <PrivilegesSection />
      <RewardSchedule />
      <section className="card" aria-labelledby="rewards-title">
        <h2 id="rewards-title" className="section-title">
          {t('rewards')}
        </h2>
        {voucher && (
          <Notice kind="success">
            {t('redeemed')}
            <strong className="voucher">{voucher}</strong>
          </Notice>
        )}
        <ActionError error={redeem.error} />
        <Loading loaded={rewards}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('noRewards')}</p>
            ) : (
              <ul className="list">
                {list.map((r) => (
                  <li key={r.rewardId} className="list-item">
                    <span className="list-main">
                      <strong>{r.name}</strong>
                      {r.description && <span>{r.description}</span>}
                      <span className="muted">
                        {t('price')} {r.pricePoints} · {t('stock')} {r.stock}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={redeem.busy || r.stock === 0 || (me.data?.balance ?? 0) < r.pricePoints}
                      aria-label={`${t('redeem')} ${r.name}`}
                      onClick={() =>
                        redeem.run(async () => {
                          const result = await api.send<{ voucherCode: string }>('POST', '/api/points/redemptions', {
                            rewardId: r.rewardId,
                          });
                          setVoucher(result.voucherCode);
                          me.reload();
                          rewards.reload();
                          redemptions.reload();
                        })
                      }
                    >
                      {t('redeem')}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
        <h3 className="subsection-title">{t('myRedemptions')}</h3>
        <Loading loaded={redemptions}>
          {(list) => (
            <ul className="plain-list">
              {list.map((r) => (
                <li key={r.redemptionId}>
                  {r.rewardName} · {r.points} {t('points')} · {name(REDEMPTION_STATUS[r.status], r.status)}
                </li>
              ))}
            </ul>
          )}
        </Loading>
      </section>
      <section className="card" aria-labelledby="leaderboard-title">
        <h2 id="leaderboard-title" className="section-title">
          {t('leaderboard')}
        </h2>
        <Loading loaded={leaderboard}>
          {(board) =>
            board.entries.length === 0 ? (
              <p>{t('noLeaderboard')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">
                  {t('leaderboard')} {board.month}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rank')}</th>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('points')}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.entries.map((e) => (
                    <tr key={e.rank}>
                      <td>{e.rank}</td>
                      <td>{e.displayName}</td>
                      <td>{e.points}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </section>
      <TimeBankSection />
    </>
  );
}

function TimeBankSection() {
  const { t, name } = useI18n();
  const api = useApi();
  const bank = useApiQuery('/api/points/time-bank/me', {});
  const action = useAction();
  // The city's today: before 08:00 the UTC date is still yesterday's.
  const [serviceDate, setServiceDate] = useState(() => cityDate(new Date()));
  const [hours, setHours] = useState('1');
  const [activity, setActivity] = useState('');
  const [verifier, setVerifier] = useState<PersonMatch | null>(null);
  const [logged, setLogged] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLogged(false);
    const ok = await action.run(() =>
      api.send('POST', '/api/points/time-bank/entries', {
        serviceDate,
        hours: Number(hours),
        activity: activity.trim(),
        verifierId: verifier?.id ?? '',
      }),
    );
    if (ok) {
      setLogged(true);
      setActivity('');
      setVerifier(null);
      bank.reload();
    }
  };
  return (
    <section className="card" aria-labelledby="time-bank-title">
      <h2 id="time-bank-title" className="section-title">
        {t('timeBank')}
      </h2>
      <Loading loaded={bank}>
        {(b) => (
          <>
            <p className="big-figure">
              {t('hoursBalance')}：<strong>{b.balance}</strong> {t('hours')}
            </p>
            <ul className="plain-list">
              {b.entries.map((e) => (
                <li key={e.entryId}>
                  {e.serviceDate} · {e.hours} {t('hours')} · {name(TIME_BANK_ENTRY_STATUS[e.status], e.status)}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loading>
      <form onSubmit={submit}>
        <h3 className="subsection-title">{t('logHours')}</h3>
        <Field label={t('serviceDate')}>
          {(p) => <input {...p} type="date" value={serviceDate} onChange={(e) => setServiceDate(e.target.value)} required />}
        </Field>
        <Field label={`${t('hours')}`}>
          {(p) => (
            <input
              {...p}
              type="number"
              min="0.25"
              max="24"
              step="0.25"
              inputMode="decimal"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t('activity')}>
          {(p) => <input {...p} value={activity} maxLength={200} onChange={(e) => setActivity(e.target.value)} required />}
        </Field>
        <PersonPicker
          label={t('verifier')}
          value={verifier}
          error={action.fieldError('verifierId')}
          onChange={(person) => {
            action.clearField('verifierId');
            setVerifier(person);
          }}
        />
        {logged && <Notice kind="success">{t('logged')}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !activity.trim() || !verifier}>
          {t('logHours')}
        </button>
      </form>
    </section>
  );
}
