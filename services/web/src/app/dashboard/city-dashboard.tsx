import { useEffect, useMemo, useState } from 'react';
import { useLoad, type Organisation } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { TOPIC_STAGE } from '../strings';
import { useDepartmentNames } from '../staff/staff-console';
import { Loading, PageTitle } from '../ui';
import { ChartWithTable } from './chart-with-table';

interface SlaRow {
  key: string;
  cases: number;
  backlog: number;
  overdue: number;
  acknowledgedWithinSlaPercent: number | null;
  resolvedWithinSlaPercent: number | null;
  resolveMedianMinutes: number | null;
  satisfactionAverage: number | null;
}
interface Overview {
  from: string;
  to: string;
  openCasesNow: number;
  cases: SlaRow & { evaluated: number };
  whistles: { checkInWithinDeadlinePercent: number | null };
  deliberation: { stages: Record<string, number> };
  points: { issued: number; redeemed: number; volunteerHours: number };
  activeResidents: number;
}
interface CoBuildingRow {
  projects: { total: number; active: number };
  teams: { membersNow: number };
  resourceRequests: { approvalRatePercent: number | null; pendingNow: number };
  income: { totalFen: number; fundShareFen: number };
  resourcesListed: { total: number };
  needsPosted: number;
  organisations: { total: number };
}
interface CasesDaily {
  days: { day: string; reported: number; resolved: number; resolvedWithinSla: number }[];
}
interface Participation {
  days: { day: string; activeResidents: number }[];
}

// Which figure groups (named by the live stream) each view reads.
const VIEWS = ['overview', 'casesDaily', 'participation', 'byDepartment', 'byStreet', 'coBuilding'] as const;
const FIGURES_OF: Record<(typeof VIEWS)[number], readonly string[]> = {
  overview: ['cases', 'whistles', 'deliberation', 'points', 'participation', 'adopted-suggestions'],
  casesDaily: ['cases'],
  participation: ['participation'],
  byDepartment: ['cases'],
  byStreet: ['cases'],
  coBuilding: ['co-building'],
};

/** Refetches a view when the server says its figures moved (server-sent events), at most once a second. */
function useLiveVersions() {
  const [versions, setVersions] = useState<Record<string, number>>({});
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/dashboards/stream');
    const onChanged = (event: MessageEvent<string>) => {
      let figures: string[] = [];
      try {
        figures = (JSON.parse(event.data) as { figures: string[] }).figures;
      } catch {
        return;
      }
      setVersions((current) => {
        const next = { ...current };
        for (const view of VIEWS) if (FIGURES_OF[view].some((f) => figures.includes(f))) next[view] = (next[view] ?? 0) + 1;
        return next;
      });
      setUpdatedAt(new Date());
    };
    source.addEventListener('changed', onChanged as EventListener);
    return () => source.close();
  }, []);
  return { versions, updatedAt };
}

/** Fen to yuan, whole yuan when there are no cents. */
const yuan = (fen: number) => (fen % 100 === 0 ? fen / 100 : (fen / 100).toFixed(2));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

export function CityDashboard() {
  const { t, name, day, dateTime } = useI18n();
  const { versions, updatedAt } = useLiveVersions();
  const v = (view: (typeof VIEWS)[number]) => `v=${versions[view] ?? 0}`;
  const overview = useLoad<Overview>(`/api/dashboards/overview?${v('overview')}`, { publicRead: true });
  const casesDaily = useLoad<CasesDaily>(`/api/dashboards/cases/daily?${v('casesDaily')}`, { publicRead: true });
  const participation = useLoad<Participation>(`/api/dashboards/participation?${v('participation')}`, { publicRead: true });
  const byDepartment = useLoad<{ rows: SlaRow[] }>(`/api/dashboards/cases/sla?groupBy=department&${v('byDepartment')}`, {
    publicRead: true,
  });
  const byStreet = useLoad<{ rows: SlaRow[] }>(`/api/dashboards/cases/sla?groupBy=street&${v('byStreet')}`, { publicRead: true });
  // The overview's 30 days; projects, team members, pending requests and organisations are counted as of now.
  const coBuilding = useLoad<{ rows: CoBuildingRow[] }>(
    overview.data ? `/api/dashboards/co-building/summary?from=${overview.data.from}&to=${overview.data.to}&${v('coBuilding')}` : null,
    { publicRead: true },
  );
  const organisation = useLoad<Organisation>('/api/organisation', { publicRead: true });
  const { departmentName } = useDepartmentNames();
  const streetName = (id: string) => name(organisation.data?.districts.flatMap((d) => d.streets).find((s) => s.id === id)?.name, id);

  const dailyCategories = useMemo(() => casesDaily.data?.days.map((d) => day(d.day)) ?? [], [casesDaily.data, day]);
  const dailySeries = useMemo(
    () => [
      { name: t('reported'), values: casesDaily.data?.days.map((d) => d.reported) ?? [] },
      { name: t('resolved'), values: casesDaily.data?.days.map((d) => d.resolved) ?? [] },
      { name: t('resolvedOnTime'), values: casesDaily.data?.days.map((d) => d.resolvedWithinSla) ?? [] },
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
  const departmentCategories = useMemo(() => departmentRows.map((r) => departmentName(r.key)), [departmentRows, departmentName]);
  const departmentSeries = useMemo(
    () => [{ name: t('resolvedWithinSla'), values: departmentRows.map((r) => percent(r.resolvedWithinSlaPercent)) }],
    [departmentRows, t],
  );
  const stages = overview.data?.deliberation.stages ?? {};
  const stageKeys = Object.keys(stages).filter((k) => stages[k] > 0);
  const stageCategories = useMemo(() => stageKeys.map((k) => name(TOPIC_STAGE[k], k)), [stageKeys.join(), name]);
  const stageSeries = useMemo(() => [{ name: t('count'), values: stageKeys.map((k) => stages[k]) }], [stageKeys.join(), overview.data, t]);

  const figure = (label: MessageKey, value: number | string | null | undefined, unit = '') => (
    <div className="figure" key={label}>
      <dt>{t(label)}</dt>
      <dd>{value === null || value === undefined ? t('none') : `${value}${unit}`}</dd>
    </div>
  );
  const minutes = (m: number | null) =>
    m === null ? t('none') : m >= 60 ? t('hoursOneDecimal', { hours: (m / 60).toFixed(1) }) : `${Math.round(m)} ${t('minutes')}`;

  return (
    <div className="dashboard">
      <div className="dashboard-head">
        <PageTitle>{t('dashboardTitle')}</PageTitle>
        <p className="lead">
          {t('dashboardIntro')}{' '}
          <span role="status" className="live">
            <span aria-hidden="true">● </span>
            {updatedAt ? `${t('liveUpdated')} ${dateTime(updatedAt.toISOString())}` : t('live')}
          </span>
        </p>
      </div>
      <Loading loaded={overview}>
        {(o) => (
          <dl className="figures figures-wide">
            {figure('openCasesNow', o.openCasesNow)}
            {figure('casesReported', o.cases.cases)}
            {figure('ackWithinSla', percent(o.cases.acknowledgedWithinSlaPercent), '%')}
            {figure('resolvedWithinSla', percent(o.cases.resolvedWithinSlaPercent), '%')}
            {figure('satisfaction', o.cases.satisfactionAverage === null ? null : Math.round(o.cases.satisfactionAverage * 10) / 10)}
            {figure('activeResidents', o.activeResidents)}
            {figure('pointsIssued', o.points.issued)}
            {figure('pointsRedeemed', o.points.redeemed)}
            {figure('volunteerHours', o.points.volunteerHours)}
            {figure('whistleCheckIn', percent(o.whistles.checkInWithinDeadlinePercent), '%')}
          </dl>
        )}
      </Loading>
      <section className="card" aria-labelledby="co-building-title">
        <h2 className="section-title" id="co-building-title">
          {t('cbTitle')}
        </h2>
        <Loading loaded={coBuilding}>
          {({ rows: [c] }) => (
            <dl className="figures figures-wide">
              {figure('cbProjects', c.projects.total)}
              {figure('cbActiveProjects', c.projects.active)}
              {figure('cbTeamMembers', c.teams.membersNow)}
              {figure('cbApprovalRate', percent(c.resourceRequests.approvalRatePercent), '%')}
              {figure('cbPending', c.resourceRequests.pendingNow)}
              {figure('cbIncome', yuan(c.income.totalFen))}
              {figure('cbFund', yuan(c.income.fundShareFen))}
              {figure('cbResources', c.resourcesListed.total)}
              {figure('cbNeeds', c.needsPosted)}
              {figure('cbOrganisations', c.organisations.total)}
            </dl>
          )}
        </Loading>
      </section>
      <div className="chart-grid">
        <ChartWithTable title={t('dailyCases')} kind="line" categoryLabel={t('day')} categories={dailyCategories} series={dailySeries} />
        <ChartWithTable
          title={t('dailyParticipation')}
          kind="bar"
          categoryLabel={t('day')}
          categories={participationCategories}
          series={participationSeries}
        />
        <ChartWithTable
          title={t('slaByDepartment')}
          kind="bar"
          horizontal
          unit="%"
          categoryLabel={t('department')}
          categories={departmentCategories}
          series={departmentSeries}
        />
        <ChartWithTable title={t('topicStages')} kind="bar" categoryLabel={t('stage')} categories={stageCategories} series={stageSeries} />
      </div>
      <LeagueTable
        title={t('leagueDepartments')}
        keyLabel={t('department')}
        rows={departmentRows}
        label={departmentName}
        minutes={minutes}
      />
      <LeagueTable
        title={t('leagueStreets')}
        keyLabel={t('street')}
        rows={[...(byStreet.data?.rows ?? [])].sort((a, b) => (b.resolvedWithinSlaPercent ?? -1) - (a.resolvedWithinSlaPercent ?? -1))}
        label={streetName}
        minutes={minutes}
      />
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
    <section className="card">
      <h2 className="section-title">{title}</h2>
      {rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rank')}</th>
                <th scope="col">{keyLabel}</th>
                <th scope="col">{t('cases')}</th>
                <th scope="col">{t('backlog')}</th>
                <th scope="col">{t('overdue')}</th>
                <th scope="col">{t('ackWithinSla')}</th>
                <th scope="col">{t('resolvedWithinSla')}</th>
                <th scope="col">{t('medianResolve')}</th>
                <th scope="col">{t('satisfaction')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.key}>
                  <td>{i + 1}</td>
                  <th scope="row">{label(row.key)}</th>
                  <td>{row.cases}</td>
                  <td>{row.backlog}</td>
                  <td>{row.overdue}</td>
                  <td>{pct(row.acknowledgedWithinSlaPercent)}</td>
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
