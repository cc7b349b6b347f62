import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { cityDate, cityDateAfter, fromCityTime } from '../city-time';
import { useI18n } from '../i18n';
import { PersonPicker, type PersonMatch } from '../people/person-picker';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useCommunityName } from './community-names';

// 第三方评估: the city admin lets an evaluator read named communities for a period. The period is entered as the
// city's dates (first and last day, both included); the grant's end is the midnight after the last day, exclusive.

export function EvaluatorGrants() {
  const { t, name } = useI18n();
  const api = useApi();
  const action = useAction();
  const communityName = useCommunityName();
  const organisation = useApiQuery('/api/organisation', {});
  const communities = useMemo(
    () =>
      (organisation.data?.districts ?? []).flatMap((d) =>
        d.streets.flatMap((s) => s.communities.map((c) => ({ id: c.id, label: name(c.name, c.id) }))),
      ),
    [organisation.data, name],
  );
  const grants = useApiQuery('/api/dashboards/evaluation/grants', {});
  const evaluatorIds = [...new Set((grants.data?.grants ?? []).map((g) => g.evaluatorId))].sort();
  const people = useApiQuery('/api/auth/people/named', evaluatorIds.length ? { query: { ids: evaluatorIds.join(',') } } : null);
  const personName = (id: string) => people.data?.items.find((p) => p.id === id)?.displayName ?? t('evalGrantUnknownPerson');
  const [evaluator, setEvaluator] = useState<PersonMatch | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [from, setFrom] = useState(() => cityDate(new Date()));
  const [to, setTo] = useState(() => cityDateAfter(new Date(), 89));
  const [granted, setGranted] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!evaluator) return;
    setGranted(null);
    const body = {
      evaluatorId: evaluator.id,
      communityIds: chosen,
      validFrom: fromCityTime(from, '00:00'),
      validUntil: fromCityTime(cityDateAfter(new Date(fromCityTime(to, '12:00')), 1), '00:00'),
    };
    if (await action.run(() => api.send('POST', '/api/department-dispatch/evaluator-grants', body))) {
      setGranted(evaluator.displayName);
      setChosen([]);
      grants.reload();
    }
  };
  const lastDay = (until: string) => cityDateAfter(new Date(until), -1);
  return (
    <>
      <section className="card">
        <PageTitle>{t('evalGrantsTitle')}</PageTitle>
        <p className="muted">{t('evalGrantsIntro')}</p>
        <h2 className="section-title">{t('evalGrantsInForce')}</h2>
        <Loading loaded={grants}>
          {(data) =>
            data.grants.length === 0 ? (
              <p>{t('evalGrantsNone')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('evalGrantsInForce')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('evalGrantEvaluator')}</th>
                    <th scope="col">{t('evalGrantCommunities')}</th>
                    <th scope="col">{t('evalGrantPeriod')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.grants.map((g) => (
                    <tr key={g.grantId}>
                      <th scope="row">{personName(g.evaluatorId)}</th>
                      <td>{g.communityIds.map(communityName).join('、')}</td>
                      <td>
                        {t('evalGrantDates', { from: cityDate(new Date(g.validFrom)), to: lastDay(g.validUntil) })}
                        {g.inForce ? '' : ` · ${t('evalGrantNotYet')}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </section>
      <section className="card" aria-labelledby="evaluator-grant-new">
        <h2 id="evaluator-grant-new" className="section-title">
          {t('evalGrantNew')}
        </h2>
        <div aria-live="polite">{granted && <Notice kind="success">{t('evalGranted', { name: granted })}</Notice>}</div>
        <form onSubmit={submit}>
          <PersonPicker
            label={t('evalGrantEvaluator')}
            kind="staff"
            value={evaluator}
            onChange={setEvaluator}
            error={action.fieldError('evaluatorId')}
          />
          <fieldset className="fieldset">
            <legend>{t('evalGrantCommunities')}</legend>
            <div className="choices">
              {communities.map((c) => (
                <label key={c.id} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
                  />
                  <span>{c.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t('evalGrantFrom')} error={action.fieldError('validFrom')}>
            {(p) => <input {...p} type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label={t('evalGrantTo')} error={action.fieldError('validUntil')}>
            {(p) => <input {...p} type="date" value={to} min={from} required onChange={(e) => setTo(e.target.value)} />}
          </Field>
          <ActionError error={action.error} />
          <button
            type="submit"
            className="button button-primary button-wide"
            disabled={action.busy || !evaluator || chosen.length === 0 || !from || !to}
          >
            {t('evalGrantSend')}
          </button>
        </form>
      </section>
    </>
  );
}
