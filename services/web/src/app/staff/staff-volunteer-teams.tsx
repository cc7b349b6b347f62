import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { OfficerCommunityPicker, useOfficerCommunity } from './staff-groups';

// 志愿服务队 as the community's officers keep them: who may lead (the pool: willing, and at the level that unlocks
// leading), the teams with their leaders, and forms that pick a leader by name, never by account number.

type PoolMember = AnswerOf<'/api/deliberation/communities/{communityId}/volunteer-pool'>['residents'][number];
type Team = AnswerOf<'/api/deliberation/communities/{communityId}/volunteer-teams'>['teams'][number];

export function StaffVolunteerTeams() {
  const { t } = useI18n();
  const officer = useOfficerCommunity();
  const { communityId } = officer;
  const base = `/api/deliberation/communities/${encodeURIComponent(communityId)}`;
  const pool = useApiQuery(
    '/api/deliberation/communities/{communityId}/volunteer-pool',
    communityId ? { path: { communityId }, query: { role: 'volunteer-team-leader' } } : null,
  );
  const teams = useApiQuery('/api/deliberation/communities/{communityId}/volunteer-teams', communityId ? { path: { communityId } } : null);
  const members = pool.data?.residents ?? [];
  const nameOf = (m: PoolMember) => m.displayName ?? t('teamsResidentUnnamed');
  return (
    <>
      <section className="card">
        <PageTitle>{t('tabVolunteerTeams')}</PageTitle>
        <p className="muted">{t('teamsIntro')}</p>
        <OfficerCommunityPicker label={t('teamsCommunity')} officer={officer} />
        <h2 className="section-title">{t('teamsPoolTitle')}</h2>
        <Loading loaded={pool}>
          {(data) =>
            data.residents.length === 0 ? (
              <p>{t('teamsPoolEmpty')}</p>
            ) : (
              <ul className="plain-list" aria-label={t('teamsPoolTitle')}>
                {data.residents.map((m) => (
                  <li key={m.residentId}>{t('teamsPoolMember', { name: nameOf(m), level: m.level ?? '' })}</li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
      <section className="card" aria-labelledby="volunteer-teams-list">
        <h2 id="volunteer-teams-list" className="section-title">
          {t('teamsListTitle')}
        </h2>
        <Loading loaded={teams}>
          {(data) =>
            data.teams.length === 0 ? (
              <p>{t('teamsNone')}</p>
            ) : (
              <ul className="list">
                {data.teams.map((team) => (
                  <li key={team.teamId} className="list-item">
                    <TeamRow team={team} members={members} nameOf={nameOf} base={base} onChanged={teams.reload} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
      {communityId && (
        <FormTeam
          members={members}
          nameOf={nameOf}
          base={base}
          onFormed={() => {
            teams.reload();
            pool.reload();
          }}
        />
      )}
    </>
  );
}

/** A team, its leader, and a choice of the pool to appoint or replace them. */
function TeamRow({
  team,
  members,
  nameOf,
  base,
  onChanged,
}: {
  team: Team;
  members: readonly PoolMember[];
  nameOf: (m: PoolMember) => string;
  base: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const candidates = members.filter((m) => m.residentId !== team.leader?.residentId);
  const [leaderId, setLeaderId] = useState('');
  const [appointed, setAppointed] = useState<string | null>(null);
  const chosen = candidates.find((m) => m.residentId === leaderId);
  const appoint = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setAppointed(null);
    const ok = await action.run(() =>
      api.send('PUT', `${base}/volunteer-teams/${encodeURIComponent(team.teamId)}/leader`, { leaderId: chosen.residentId }),
    );
    if (ok) {
      setAppointed(t('teamsAppointed', { name: nameOf(chosen), team: team.name }));
      setLeaderId('');
      onChanged();
    }
  };
  return (
    <>
      <h3 className="subsection-title">{team.name}</h3>
      {team.purpose && <p>{team.purpose}</p>}
      <p>
        {t('teamsLeader')}：{team.leader ? (team.leader.displayName ?? t('teamsResidentUnnamed')) : t('teamsNoLeader')}
      </p>
      <div aria-live="polite">{appointed && <Notice kind="success">{appointed}</Notice>}</div>
      {candidates.length > 0 && (
        <form className="inline-form" onSubmit={appoint}>
          <Field label={t('teamsAppointFor', { team: team.name })} error={action.fieldError('leaderId')}>
            {(p) => (
              <select
                {...p}
                value={leaderId}
                onChange={(e) => {
                  action.clearField('leaderId');
                  setLeaderId(e.target.value);
                }}
              >
                <option value="">—</option>
                {candidates.map((m) => (
                  <option key={m.residentId} value={m.residentId}>
                    {t('teamsPoolMember', { name: nameOf(m), level: m.level ?? '' })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={action.busy || !chosen}>
            {team.leader ? t('teamsChangeLeader') : t('teamsAppointLeader')}
          </button>
        </form>
      )}
      <ActionError error={action.error} />
    </>
  );
}

function FormTeam({
  members,
  nameOf,
  base,
  onFormed,
}: {
  members: readonly PoolMember[];
  nameOf: (m: PoolMember) => string;
  base: string;
  onFormed: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [form, setForm] = useState({ name: '', purpose: '', leaderId: '' });
  const [formed, setFormed] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: form.name.trim(),
      ...(form.purpose.trim() ? { purpose: form.purpose.trim() } : {}),
      ...(form.leaderId ? { leaderId: form.leaderId } : {}),
    };
    setFormed(null);
    if (await action.run(() => api.send('POST', `${base}/volunteer-teams`, body))) {
      setFormed(body.name);
      setForm({ name: '', purpose: '', leaderId: '' });
      onFormed();
    }
  };
  const edit = (field: keyof typeof form, value: string) => {
    action.clearField(field);
    setForm({ ...form, [field]: value });
  };
  return (
    <section className="card" aria-labelledby="volunteer-team-new">
      <h2 id="volunteer-team-new" className="section-title">
        {t('teamsFormTitle')}
      </h2>
      <div aria-live="polite">{formed && <Notice kind="success">{t('teamsFormed', { name: formed })}</Notice>}</div>
      <form onSubmit={submit}>
        <Field label={t('teamsName')} error={action.fieldError('name')}>
          {(p) => <input {...p} value={form.name} maxLength={40} required onChange={(e) => edit('name', e.target.value)} />}
        </Field>
        <Field label={t('teamsPurpose')} error={action.fieldError('purpose')}>
          {(p) => <textarea {...p} rows={2} value={form.purpose} maxLength={200} onChange={(e) => edit('purpose', e.target.value)} />}
        </Field>
        <Field label={t('teamsFormLeader')} error={action.fieldError('leaderId')}>
          {(p) => (
            <select {...p} value={form.leaderId} onChange={(e) => edit('leaderId', e.target.value)}>
              <option value="">{t('teamsFormNoLeader')}</option>
              {members.map((m) => (
                <option key={m.residentId} value={m.residentId}>
                  {t('teamsPoolMember', { name: nameOf(m), level: m.level ?? '' })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !form.name.trim()}>
          {t('teamsFormSend')}
        </button>
      </form>
    </section>
  );
}
