import { useMemo } from 'react';
import { hasRole, useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { KNOWN_DEPARTMENTS } from '../strings';
import { Link, useRouter } from '../router';
import { Notice } from '../ui';
import { ProjectApprovals } from '../civic/staff-approvals';
import { AssistedEntry } from '../civic/staff-assisted';
import { CouncilMeeting, CouncilMeetings } from '../civic/staff-council';
import { DemoClockControl } from './demo-clock-control';
import { DepartmentInbox } from './department-inbox';
import { EarlyWarnings } from './early-warnings';
import { GridRegister } from './grid-register';
import { TaskLoad } from './task-load';
import { TriageQueue } from './triage-queue';
import { WhistleBoard } from './whistle-board';
import { StaffContests } from '../contests/staff-contests';
import { StaffGroups } from './staff-groups';
import { StaffVolunteerTeams } from './staff-volunteer-teams';
import { EvaluatorGrants } from '../evaluation/evaluator-grants';

/** Department names from the registry, or the demo city's names when the registry cannot be read. */
export function useDepartmentNames() {
  const { name } = useI18n();
  const api = useApi();
  const registry = useApiQuery('/api/department-dispatch/departments', api.principal ? {} : null);
  return useMemo(() => {
    const departments = registry.data?.departments ?? Object.entries(KNOWN_DEPARTMENTS).map(([id, n]) => ({ id, name: n }));
    return {
      departments,
      departmentName: (id: string | null | undefined) =>
        id ? name(departments.find((d) => d.id === id)?.name ?? KNOWN_DEPARTMENTS[id], id) : '',
    };
  }, [registry.data, name]);
}

export function StaffConsole() {
  const { t } = useI18n();
  const api = useApi();
  const { path } = useRouter();
  const p = api.principal;
  const tabs: { path: string; label: MessageKey; show: boolean }[] = [
    { path: '/staff/triage', label: 'tabTriage', show: hasRole(p, 'grid_worker', 'community_officer', 'street_officer', 'admin') },
    { path: '/staff/inbox', label: 'tabInbox', show: hasRole(p, 'department_staff') },
    { path: '/staff/whistles', label: 'tabWhistles', show: hasRole(p, 'street_officer', 'department_staff', 'admin') },
    { path: '/staff/projects', label: 'tabApprovals', show: hasRole(p, 'community_officer') },
    { path: '/staff/assisted', label: 'tabAssisted', show: hasRole(p, 'grid_worker', 'community_officer') },
    { path: '/staff/council', label: 'tabCouncil', show: hasRole(p, 'community_officer', 'street_officer', 'admin') },
    {
      path: '/staff/warnings',
      label: 'tabWarnings',
      show: hasRole(p, 'grid_worker', 'community_officer', 'street_officer', 'department_staff', 'supervisor', 'admin'),
    },
    { path: '/staff/contests', label: 'contestsStaffTab', show: hasRole(p, 'community_officer', 'street_officer', 'admin') },
    { path: '/staff/task-load', label: 'tabTaskLoad', show: hasRole(p, 'community_officer', 'street_officer', 'department_staff') },
    { path: '/staff/register', label: 'tabRegister', show: hasRole(p, 'grid_worker', 'community_officer', 'street_officer') },
    { path: '/staff/groups', label: 'tabGroups', show: hasRole(p, 'community_officer', 'street_officer', 'admin') },
    { path: '/staff/volunteer-teams', label: 'tabVolunteerTeams', show: hasRole(p, 'community_officer', 'street_officer', 'admin') },
    { path: '/staff/evaluator-grants', label: 'evalGrantsTab', show: hasRole(p, 'admin') },
  ];
  const visible = tabs.filter((tab) => tab.show);
  const meetingId = /^\/staff\/council\/([^/]+)$/.exec(path)?.[1];
  const current = visible.find((tab) => path.startsWith(tab.path)) ?? visible[0];
  if (!current)
    return (
      <Notice kind="info">
        {t('faceStaff')}: {t('noData')}
      </Notice>
    );
  return (
    <div className="staff">
      <nav aria-label={t('faceStaff')} className="staff-tabs">
        {visible.map((tab) => (
          <Link key={tab.path} to={tab.path} className="staff-tab" current={tab === current}>
            {t(tab.label)}
          </Link>
        ))}
      </nav>
      <DemoClockControl />
      {current.path === '/staff/triage' ? (
        <TriageQueue />
      ) : current.path === '/staff/inbox' ? (
        <DepartmentInbox />
      ) : current.path === '/staff/warnings' ? (
        <EarlyWarnings />
      ) : current.path === '/staff/contests' ? (
        <StaffContests />
      ) : current.path === '/staff/task-load' ? (
        <TaskLoad />
      ) : current.path === '/staff/register' ? (
        <GridRegister />
      ) : current.path === '/staff/groups' ? (
        <StaffGroups />
      ) : current.path === '/staff/volunteer-teams' ? (
        <StaffVolunteerTeams />
      ) : current.path === '/staff/evaluator-grants' ? (
        <EvaluatorGrants />
      ) : current.path === '/staff/projects' ? (
        <ProjectApprovals />
      ) : current.path === '/staff/assisted' ? (
        <AssistedEntry />
      ) : current.path === '/staff/council' ? (
        meetingId ? (
          <CouncilMeeting meetingId={decodeURIComponent(meetingId)} />
        ) : (
          <CouncilMeetings />
        )
      ) : (
        <WhistleBoard />
      )}
    </div>
  );
}
