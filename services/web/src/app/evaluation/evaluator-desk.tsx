import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { cityDate } from '../city-time';
import { useI18n } from '../i18n';
import { ActionError, CaseStatus, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useCommunityName } from './community-names';

/** The headings a report scores; the evaluator fills each in. */
const HEADINGS = ['事件处置', '居民参与', '信息公开'];

/** 第三方评估: the evaluator's own desk, only the communities granted to it, and its report form. */
export function EvaluatorDesk() {
  const { t, dateTime } = useI18n();
  const grants = useApiQuery('/api/dashboards/evaluation/grants/me', {});
  const communityName = useCommunityName();
  const [chosen, setChosen] = useState<string | null>(null);
  const [period, setPeriod] = useState(() => cityDate(new Date()).slice(0, 7));
  return (
    <section className="card">
      <PageTitle>{t('evalDeskTitle')}</PageTitle>
      <p className="muted">{t('evalDeskIntro')}</p>
      <Loading loaded={grants}>
        {({ grants: held }) => {
          const communities = [...new Set(held.flatMap((g) => g.communityIds))];
          if (communities.length === 0) return <Notice kind="info">{t('evalNoGrant')}</Notice>;
          const communityId = chosen && communities.includes(chosen) ? chosen : communities[0];
          const until = held
            .filter((g) => g.communityIds.includes(communityId))
            .map((g) => g.validUntil)
            .sort()
            .at(-1);
          return (
            <>
              <Field label={t('evalCommunity')} hint={until ? t('evalGrantUntil', { until: dateTime(until) }) : undefined}>
                {(props) => (
                  <select {...props} value={communityId} onChange={(e) => setChosen(e.target.value)}>
                    {communities.map((id) => (
                      <option key={id} value={id}>
                        {communityName(id)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('evalPeriod')}>
                {(props) => <input {...props} type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} />}
              </Field>
              <CommunityFigures communityId={communityId} period={period} />
              <ReportForm key={`${communityId}/${period}`} communityId={communityId} period={period} />
            </>
          );
        }}
      </Loading>
    </section>
  );
}

function CommunityFigures({ communityId, period }: { communityId: string; period: string }) {
  const { t, dateTime } = useI18n();
  const read = useApiQuery('/api/dashboards/evaluation/communities/{communityId}', { path: { communityId }, query: { period } });
  const pct = (value: number | null) => (value === null ? t('none') : `${value}%`);
  return (
    <Loading loaded={read}>
      {({ figures, cases }) => (
        <>
          <h2 className="section-title">{t('evalFigures')}</h2>
          <dl className="figures">
            <div className="figure">
              <dt>{t('cases')}</dt>
              <dd>{figures.cases}</dd>
            </div>
            <div className="figure">
              <dt>{t('leagueResolved')}</dt>
              <dd>{figures.resolved}</dd>
            </div>
            <div className="figure">
              <dt>{t('resolvedWithinSla')}</dt>
              <dd>{pct(figures.resolvedWithinSlaPercent)}</dd>
            </div>
            <div className="figure">
              <dt>{t('leagueAverage')}</dt>
              <dd>{figures.satisfactionAverage === null ? t('none') : figures.satisfactionAverage.toFixed(1)}</dd>
            </div>
          </dl>
          <h2 className="section-title">{t('evalCases')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('evalCases')}>
            <table className="table">
              <caption className="visually-hidden">{t('evalCases')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evalReportedAt')}</th>
                  <th scope="col">{t('evalCategory')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('evalOnTime')}</th>
                  <th scope="col">{t('evalRating')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.caseId}>
                    <th scope="row">{dateTime(c.reportedAt)}</th>
                    <td>{c.categoryCode}</td>
                    <td>
                      <CaseStatus status={c.status.charAt(0).toUpperCase() + c.status.slice(1)} />
                    </td>
                    <td>{c.resolvedWithinSla === null ? t('none') : t(c.resolvedWithinSla ? 'evalYes' : 'evalNo')}</td>
                    <td>{c.satisfaction ?? t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Loading>
  );
}

function ReportForm({ communityId, period }: { communityId: string; period: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const action = useAction();
  const reports = useApiQuery('/api/dashboards/evaluation/reports', { query: { communityId, period } }, { publicRead: true });
  const [scores, setScores] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [correctionReason, setCorrectionReason] = useState('');
  const [published, setPublished] = useState<number | null>(null);
  const hasReport = (reports.data?.reports.length ?? 0) > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      period,
      scores: HEADINGS.map((heading) => ({ heading, score: Number(scores[heading] ?? '') })),
      summary,
      correctionReason: hasReport ? correctionReason : null,
    };
    let answer: { version: number } | undefined;
    const ok = await action.run(async () => {
      answer = await api.send<{ version: number }>('POST', `/api/department-dispatch/communities/${communityId}/evaluation-reports`, body);
    });
    if (ok && answer) {
      setPublished(answer.version);
      setCorrectionReason('');
      // The dashboards project the report a moment later: read again now and over the next seconds.
      reports.reload();
    }
  };

  return (
    <>
      <h2 className="section-title">{t('evalReportForm')}</h2>
      <form onSubmit={submit} noValidate>
        {HEADINGS.map((heading, i) => (
          <Field key={heading} label={t('evalScore', { heading })} error={action.fieldError(`scores.${i}.score`)}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={scores[heading] ?? ''}
                onChange={(e) => setScores({ ...scores, [heading]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label={t('evalSummary')} error={action.fieldError('summary')}>
          {(props) => <textarea {...props} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        {hasReport && (
          <Field label={t('evalCorrection')} error={action.fieldError('correctionReason')}>
            {(props) => <textarea {...props} rows={2} value={correctionReason} onChange={(e) => setCorrectionReason(e.target.value)} />}
          </Field>
        )}
        <ActionError error={action.error} />
        {published !== null && <Notice kind="success">{t('evalPublished', { version: published })}</Notice>}
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('evalPublish')}
        </button>
      </form>
      <h2 className="section-title">{t('evalReports')}</h2>
      <Loading loaded={reports}>
        {({ reports: list }) =>
          list.length === 0 ? (
            <p>{t('evalNoReports')}</p>
          ) : (
            <ul className="list">
              {list.map((r) => (
                <li key={r.version} className="work-item">
                  <div className="work-head">
                    <strong>
                      {t('evalVersion', { version: r.version })} · {t(r.current ? 'evalCurrent' : 'evalSuperseded')}
                    </strong>
                    <span className="muted">{dateTime(r.publishedAt)}</span>
                  </div>
                  <p>
                    {t('evalOverall', { score: r.overallScore })}：{r.scores.map((s) => `${s.heading} ${s.score}`).join('，')}
                  </p>
                  <p>{r.summary}</p>
                  {r.correction && (
                    <p className="muted">{t('evalCorrects', { version: r.correction.ofVersion, reason: r.correction.reason })}</p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}
