import { useState } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { ActionError, Loading, Notice, useAction } from '../ui';

// The names come from the contracts (`early-sign-up` …); the words are looked up by their underscore form.
const privilegeKey = (privilege: string) => `privilege_${privilege.replaceAll('-', '_')}` as MessageKey;
const roleKey = (role: string) => `role_${role.replaceAll('-', '_')}` as MessageKey;

/** What each level unlocks (from the points rules), what the resident holds, and the roles they offer to serve in. */
export function PrivilegesSection() {
  const { t } = useI18n();
  const rules = useApiQuery('/api/points/rules', {});
  const mine = useApiQuery('/api/deliberation/residents/me/privileges', {});
  const named = (privileges: readonly string[]) => privileges.map((p) => t(privilegeKey(p))).join('、');
  return (
    <section className="card" aria-labelledby="privileges-title">
      <h2 id="privileges-title" className="section-title">
        {t('privilegesTitle')}
      </h2>
      <Loading loaded={rules}>
        {(r) => (
          <ul className="plain-list">
            {r.levels
              .filter((level) => level.privileges.length > 0)
              .map((level) => (
                <li key={level.name}>{t('levelUnlocks', { level: level.name, privileges: named(level.privileges) })}</li>
              ))}
          </ul>
        )}
      </Loading>
      <Loading loaded={mine}>
        {(m) => (
          <>
            <h3 className="subsection-title">{t('myPrivileges')}</h3>
            <p>{m.privileges.length ? named(m.privileges) : t('noPrivilegesYet')}</p>
            <VolunteerRoleSwitches mine={m} reload={mine.reload} />
            <MyVolunteerTeam mine={m} reload={mine.reload} />
          </>
        )}
      </Loading>
    </section>
  );
}

function VolunteerRoleSwitches({ mine, reload }: { mine: AnswerOf<'/api/deliberation/residents/me/privileges'>; reload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const choose = async (role: string, optedIn: boolean) => {
    setSaved(false);
    const ok = await action.run(() => api.send('PUT', `/api/deliberation/residents/${mine.residentId}/volunteer-roles`, { role, optedIn }));
    if (ok) setSaved(true);
    reload();
  };
  return (
    <fieldset className="fieldset">
      <legend className="subsection-title">{t('volunteerRolesTitle')}</legend>
      <p className="muted">{t('volunteerRolesHint')}</p>
      {mine.roles.map((r) => (
        <div key={r.role}>
          <div className="check">
            <input
              id={`volunteer-role-${r.role}`}
              type="checkbox"
              role="switch"
              checked={r.optedIn}
              disabled={action.busy}
              aria-describedby={`volunteer-role-${r.role}-note`}
              onChange={(e) => void choose(r.role, e.target.checked)}
            />
            <label htmlFor={`volunteer-role-${r.role}`}>{t(roleKey(r.role))}</label>
          </div>
          <p id={`volunteer-role-${r.role}-note`} className="muted">
            {mine.privileges.includes(r.needs) ? t('roleEligible') : t('roleNeedsPrivilege', { privilege: t(privilegeKey(r.needs)) })}
          </p>
        </div>
      ))}
      {saved && <Notice kind="success">{t('roleSaved')}</Notice>}
      <ActionError error={action.error} />
    </fieldset>
  );
}

/** The team the resident leads (志愿队队长), with a way to step down; and the community's teams with their leaders. */
function MyVolunteerTeam({ mine, reload }: { mine: AnswerOf<'/api/deliberation/residents/me/privileges'>; reload: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [steppedDown, setSteppedDown] = useState(false);
  const communityId = api.principal?.scope.communityId;
  const teams = useApiQuery('/api/deliberation/communities/{communityId}/volunteer-teams', communityId ? { path: { communityId } } : null);
  const team = mine.leadsTeam;
  const stepDown = async () => {
    if (!team) return;
    const path = `/api/deliberation/communities/${encodeURIComponent(team.communityId)}/volunteer-teams/${encodeURIComponent(team.teamId)}/leader`;
    const ok = await action.run(() => api.send('DELETE', path));
    setSteppedDown(ok);
    reload();
    teams.reload();
  };
  return (
    <>
      {team && (
        <div>
          <h3 className="subsection-title">{t('myTeamTitle')}</h3>
          <p>{t('myTeamLeads', { team: team.name })}</p>
          {team.purpose && <p className="muted">{team.purpose}</p>}
          <p className="muted">{t('myTeamOptOutNote')}</p>
          <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => void stepDown()}>
            {t('myTeamStepDown')}
          </button>
        </div>
      )}
      {steppedDown && !team && <Notice kind="success">{t('myTeamSteppedDown')}</Notice>}
      <ActionError error={action.error} />
      {teams.data && teams.data.teams.length > 0 && (
        <>
          <h3 className="subsection-title">{t('communityTeamsTitle')}</h3>
          <ul className="plain-list">
            {teams.data.teams.map((tm) => (
              <li key={tm.teamId}>
                {tm.leader
                  ? t('communityTeamLed', { team: tm.name, name: tm.leader.displayName ?? t('teamsResidentUnnamed') })
                  : t('communityTeamWaiting', { team: tm.name })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
