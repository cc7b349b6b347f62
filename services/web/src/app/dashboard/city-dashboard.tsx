import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery, type AnswerOf } from '../api-client';
import { invalidatePaths } from '../query';
import { Link } from '../router';
import { useI18n, type MessageKey } from '../i18n';
import { useDepartmentNames } from '../staff/staff-console';
import { Loading, PageTitle } from '../ui';
import { ChartWithTable } from './chart-with-table';
import { IncentiveDependency } from './incentive-dependency';
import { WallComparison } from './wall-comparison';
import { WallMap } from './wall-map';
import { WallWarnings } from './wall-warnings';
import { WallWhistles } from './wall-whistles';
import './wall-screen.css';
import { Icon } from '../icons';

// Which figure groups (named by the live stream) move the answers under which paths: those are read again.
const PATHS_MOVED_BY: readonly { figures: readonly string[]; paths: readonly string[] }[] = [
  {
    figures: ['cases', 'whistles', 'deliberation', 'points', 'participation', 'adopted-suggestions'],
    paths: ['/api/dashboards/overview', '/api/department-dispatch/early-warnings'],
  },
  { figures: ['cases'], paths: ['/api/dashboards/cases/', '/open311/v2/requests.json'] },
  { figures: ['participation'], paths: ['/api/dashboards/participation'] },
  { figures: ['whistles'], paths: ['/api/dashboards/whistles/'] },
  { figures: ['co-building'], paths: ['/api/dashboards/co-building/'] },
  { figures: ['points'], paths: ['/api/dashboards/points/'] },
];

type StreamState = 'connecting' | 'open' | 'lost';

/** Invalidates the views whose figures the server says moved (server-sent events). */
function useLiveDashboard() {
  const client = useQueryClient();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/dashboards/stream');
    source.onopen = () => setStream('open');
    // The browser reconnects by itself; until it does, the screen must not claim to be live.
    source.onerror = () => setStream('lost');
    const onChanged = (event: MessageEvent<string>) => {
      let figures: string[] = [];
      try {
        figures = (JSON.parse(event.data) as { figures: string[] }).figures;
      } catch {
        return;
      }
      setStream('open');
      const moved = PATHS_MOVED_BY.filter((view) => view.figures.some((f) => figures.includes(f))).flatMap((view) => view.paths);
      void invalidatePaths(client, moved);
      setUpdatedAt(new Date());
    };
    source.addEventListener('changed', onChanged as EventListener);
    return () => source.close();
  }, [client]);
  return { updatedAt, stream };
}

type SlaRow = AnswerOf<'/api/dashboards/cases/sla'>['rows'][number];

/** A day's count of one metric (the document lists a day's metrics by name, so each is read as a number). */
const count = (day: Readonly<Record<string, unknown>>, metric: string) => Number(day[metric] ?? 0);

/** Fen to yuan, whole yuan when there are no cents. */
const yuan = (fen: number) => (fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

// The city's published targets for the loop (一网统管 performance review); shown beside each figure, met or not in words.
const TARGETS = { ackWithinSla: 95, resolvedWithinSla: 90, satisfaction: 4.5, whistleCheckIn: 100 } as const;

/** 城市治理大屏: one 1920×1080 screen with no scrolling; on a smaller screen the same panels stack. */
export function CityDashboard() {
  const { t, day, dateTime } = useI18n();
  const { updatedAt, stream } = useLiveDashboard();
  const publicRead = { publicRead: true };
  const overview = useApiQuery('/api/dashboards/overview', {}, publicRead);
  const casesDaily = useApiQuery('/api/dashboards/cases/daily', {}, publicRead);
  const participation = useApiQuery('/api/dashboards/participation', {}, publicRead);
  const byDepartment = useApiQuery('/api/dashboards/cases/sla', { query: { groupBy: 'department' } }, publicRead);
  // The overview's 30 days; projects, team members, pending requests and organisations are counted as of now.
  const coBuilding = useApiQuery(
    '/api/dashboards/co-building/summary',
    overview.data ? { query: { from: overview.data.from, to: overview.data.to } } : null,
    publicRead,
  );
  const { departmentName } = useDepartmentNames();
  const failing = [overview, casesDaily, participation, byDepartment, coBuilding].some((view) => view.error);

  const dailyCategories = useMemo(() => casesDaily.data?.days.map((d) => day(d.day)) ?? [], [casesDaily.data, day]);
  const dailySeries = useMemo(
    () => [
      { name: t('reported'), values: casesDaily.data?.days.map((d) => count(d, 'reported')) ?? [] },
      { name: t('resolved'), values: casesDaily.data?.days.map((d) => count(d, 'resolved')) ?? [] },
      { name: t('resolvedOnTime'), values: casesDaily.data?.days.map((d) => count(d, 'resolvedWithinSla')) ?? [] },
    ],
    [casesDaily.data, t],
  );
  const participationCategories = useMemo(() => participation.data?.days.map((d) => day(d.day)) ?? [], [participation.data, day]);
  const participationSeries = useMemo(
    () => [{ name: t('activeResidents'), values: participation.data?.days.map((d) => d.activeResidents) ?? [] }],
    [participation.data, t],
  );
  const departmentRows = useMemo(
    () =>
      [...(byDepartment.data?.rows ?? [])].sort(
        (a, b) => (b.resolvedWithinSlaPercent ?? -1) - (a.resolvedWithinSlaPercent ?? -1) || b.cases - a.cases,
      ),
    [byDepartment.data],
  );

  const figure = (label: MessageKey, value: number | string | null | undefined, unit = '', target?: number) => (
    <div className="figure" key={label}>
      <dt>{t(label)}</dt>
      <dd>{value === null || value === undefined ? t('none') : `${value}${unit}`}</dd>
      {target !== undefined && (
        <dd className="figure-target">
          {t('wallTarget', { target: `≥ ${target}${unit}` })}
          {typeof value === 'number' && (
            <span className={value >= target ? 'wall-met' : 'wall-missed'}>
              {' · '}
              <Icon name={value >= target ? 'checkCircle' : 'cross'} /> {t(value >= target ? 'wallMet' : 'wallMissed')}
            </span>
          )}
        </dd>
      )}
    </div>
  );
  const minutes = (m: number | null) =>
    m === null ? t('none') : m >= 60 ? t('hoursOneDecimal', { hours: (m / 60).toFixed(1) }) : `${Math.round(m)} ${t('minutes')}`;
  const satisfaction = overview.data?.cases.satisfactionAverage;

  return (
    <div className="dashboard wall">
      <div className="dashboard-head wall-head">
        <PageTitle>{t('dashboardTitle')}</PageTitle>
        <p className="lead">
          {t('dashboardIntro')} <Link to="/dashboard/league-table">{t('leagueLink')}</Link>
        </p>
        {failing ? (
          <p role="alert" className="live live-down">
            <Icon name="alert" /> {t('wallDown')}
          </p>
        ) : stream === 'lost' ? (
          <p role="status" className="live live-lost">
            <Icon name="alert" /> {t('wallReconnecting')}
          </p>
        ) : (
          <p role="status" className="live">
            <span aria-hidden="true">● </span>
            {stream === 'connecting' ? t('loading') : updatedAt ? `${t('liveUpdated')} ${dateTime(updatedAt.toISOString())}` : t('live')}
          </p>
        )}
      </div>
      <div className="wall-grid">
        <div className="wall-column">
          <section className="wall-panel" aria-labelledby="wall-kpis-title">
            <h2 className="section-title" id="wall-kpis-title">
              {t('wallKpis')}
            </h2>
            <Loading loaded={overview}>
              {(o) => (
                <dl className="figures wall-figures">
                  {figure('openCasesNow', o.openCasesNow)}
                  {figure('casesReported', o.cases.cases)}
                  {figure('ackWithinSla', percent(o.cases.acknowledgedWithinSlaPercent), '%', TARGETS.ackWithinSla)}
                  {figure('resolvedWithinSla', percent(o.cases.resolvedWithinSlaPercent), '%', TARGETS.resolvedWithinSla)}
                  {figure(
                    'satisfaction',
                    satisfaction === null || satisfaction === undefined ? null : Math.round(satisfaction * 10) / 10,
                    '',
                    TARGETS.satisfaction,
                  )}
                  {figure('whistleCheckIn', percent(o.whistles.checkInWithinDeadlinePercent), '%', TARGETS.whistleCheckIn)}
                  {figure('activeResidents', o.activeResidents)}
                  {figure('volunteerHours', o.points.volunteerHours)}
                  {figure('pointsIssued', o.points.issued)}
                  {figure('pointsRedeemed', o.points.redeemed)}
                </dl>
              )}
            </Loading>
          </section>
          <Loading loaded={overview}>
            {(o) => <WallComparison caseMinutes={o.cases.resolveMedianMinutes} whistleMinutes={o.whistles.resolveMedianMinutes} />}
          </Loading>
          <IncentiveDependency />
        </div>
        <div className="wall-column wall-centre">
          <WallMap />
          {/* A failed read says so; an empty chart would read as "nothing happened". */}
          <Loading loaded={casesDaily}>
            {() => (
              <ChartWithTable
                title={t('dailyCases')}
                kind="line"
                categoryLabel={t('day')}
                categories={dailyCategories}
                series={dailySeries}
              />
            )}
          </Loading>
          {/* Under the map, not in the first column: with the incentive line there, one more panel would make the wall scroll. */}
          <WallWarnings />
        </div>
        <div className="wall-column">
          <WallWhistles />
          <Loading loaded={byDepartment}>
            {() => (
              <LeagueTable
                title={t('leagueDepartments')}
                keyLabel={t('department')}
                rows={departmentRows}
                label={departmentName}
                minutes={minutes}
              />
            )}
          </Loading>

          <section className="wall-panel" aria-labelledby="co-building-title">
            <h2 className="section-title" id="co-building-title">
              {t('cbTitle')}
            </h2>
            {/* Its window comes from the overview: when that fails, so does this, and it says so rather than load forever. */}
            <Loading loaded={overview.error ? { ...coBuilding, error: overview.error, reload: overview.reload } : coBuilding}>
              {({ rows: [c] }) => (
                <dl className="figures wall-figures wall-figures-small">
                  {figure('cbProjects', c.projects.total)}
                  {figure('cbTeamMembers', c.teams.membersNow)}
                  {figure('cbApprovalRate', percent(c.resourceRequests.approvalRatePercent), '%')}
                  {figure('cbIncome', yuan(c.income.totalFen))}
                  {figure('cbFund', yuan(c.income.fundShareFen))}
                  {figure('cbOrganisations', c.organisations.total)}
                </dl>
              )}
            </Loading>
          </section>
          <Loading loaded={participation}>
            {() => (
              <ChartWithTable
                title={t('dailyParticipation')}
                kind="bar"
                categoryLabel={t('day')}
                categories={participationCategories}
                series={participationSeries}
              />
            )}
          </Loading>
        </div>
      </div>
    </div>
  );
}

function LeagueTable({
  title,
  keyLabel,
  rows,
  label,
  minutes,
}: {
  title: string;
  keyLabel: string;
  rows: readonly SlaRow[];
  label: (key: string) => string;
  minutes: (m: number | null) => string;
}) {
  const { t } = useI18n();
  const pct = (value: number | null) => (value === null ? t('none') : `${percent(value)}%`);
  return (
    <section className="wall-panel">
      <h2 className="section-title">{title}</h2>
      {rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table wall-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rank')}</th>
                <th scope="col">{keyLabel}</th>
                <th scope="col">{t('cases')}</th>
                <th scope="col">{t('overdue')}</th>
                <th scope="col">{t('resolvedWithinSla')}</th>
                <th scope="col">{t('medianResolve')}</th>
                <th scope="col">{t('satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 6).map((row, i) => (
                <tr key={row.key}>
                  <td>{i + 1}</td>
                  <th scope="row">{label(row.key)}</th>
                  <td>{row.cases}</td>
                  <td>{row.overdue}</td>
                  <td>{pct(row.resolvedWithinSlaPercent)}</td>
                  <td>{minutes(row.resolveMedianMinutes)}</td>
                  <td>{row.satisfactionAverage === null ? t('none') : row.satisfactionAverage.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
