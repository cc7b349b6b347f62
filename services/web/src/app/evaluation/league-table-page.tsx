import { useState } from 'react';
import { useApiQuery } from '../api-client';
import { cityDate } from '../city-time';
import { useI18n } from '../i18n';
import { useDepartmentNames } from '../staff/staff-console';
import { Field, Loading, PageTitle } from '../ui';
import { useCommunityName } from './community-names';

/** 结果运用: the published league table of a month, readable by anyone, and its CSV for the city's own assessment. */
export function LeagueTablePage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(() => cityDate(new Date()).slice(0, 7));
  const table = useApiQuery('/api/dashboards/league-table', { query: { period } }, { publicRead: true });
  const { departmentName } = useDepartmentNames();
  const communityName = useCommunityName();
  const rating = (value: number | null) => (value === null ? t('none') : value.toFixed(1));
  const pct = (value: number | null) => (value === null ? t('none') : `${value}%`);
  return (
    <section className="card">
      <PageTitle>{t('leagueTitle')}</PageTitle>
      <p className="muted">{t('leagueIntro')}</p>
      <Field label={t('evalPeriod')}>
        {(props) => <input {...props} type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} />}
      </Field>
      <p>
        <a className="button button-secondary" href={`/api/dashboards/league-table.csv?period=${period}`} download>
          {t('leagueCsv')}
        </a>
      </p>
      <Loading loaded={table}>
        {(data) => (
          <>
            <h2 className="section-title">{t('leagueDepartmentsTitle')}</h2>
            {data.departments.length === 0 ? (
              <p>{t('leagueEmpty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('leagueDepartmentsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rank')}</th>
                    <th scope="col">{t('department')}</th>
                    <th scope="col">{t('leagueResolved')}</th>
                    <th scope="col">{t('leagueRated')}</th>
                    <th scope="col">{t('leagueAverage')}</th>
                    <th scope="col">{t('leagueSatisfied')}</th>
                    <th scope="col">{t('leagueWhistleRating')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.departments.map((d) => (
                    <tr key={d.departmentId}>
                      <td>{d.rank}</td>
                      <th scope="row">{departmentName(d.departmentId)}</th>
                      <td>{d.resolved}</td>
                      <td>{d.evaluated}</td>
                      <td>{rating(d.satisfactionAverage)}</td>
                      <td>{pct(d.satisfiedPercent)}</td>
                      <td>{rating(d.whistleScoreAverage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2 className="section-title">{t('leagueOfficersTitle')}</h2>
            {data.officerStandings.length === 0 ? (
              <p>{t('leagueEmpty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('leagueOfficersTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rank')}</th>
                    <th scope="col">{t('leagueOfficer')}</th>
                    <th scope="col">{t('leagueResolved')}</th>
                    <th scope="col">{t('leagueRated')}</th>
                    <th scope="col">{t('leagueAverage')}</th>
                    <th scope="col">{t('leagueSatisfied')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.officerStandings.map((o) => (
                    <tr key={o.rank}>
                      <td>{o.rank}</td>
                      <th scope="row">{o.label}</th>
                      <td>{o.resolved}</td>
                      <td>{o.evaluated}</td>
                      <td>{rating(o.satisfactionAverage)}</td>
                      <td>{pct(o.satisfiedPercent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2 className="section-title">{t('leagueCommunitiesTitle')}</h2>
            {data.communities.length === 0 ? (
              <p>{t('leagueEmpty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('leagueCommunitiesTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rank')}</th>
                    <th scope="col">{t('evalCommunity')}</th>
                    <th scope="col">{t('leagueOverall')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.communities.map((c) => (
                    <tr key={c.communityId}>
                      <td>{c.rank}</td>
                      <th scope="row">{communityName(c.communityId)}</th>
                      <td>{c.overallScore}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}
