import { useState, type FormEvent } from 'react';
import { hasRole, useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Notice, useAction } from '../ui';
import { REQUEST_STATE, StateTag, useKeyed, yuan, type CommunityProject, type Resource } from './civic';

/** One project: its team and income, joining it, and (for its team) asking for a resource or recording income. */
export function ProjectCard({
  project,
  resources,
  onChanged,
}: {
  project: CommunityProject;
  resources: readonly Resource[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const keyed = useKeyed();
  const api = useApi();
  const join = useAction();
  const [joined, setJoined] = useState(false);
  // Only the actions the reader may take: joining for someone not on the team, the team's own work for its members.
  const team = useApiQuery(
    '/api/co-building/projects/{projectId}/team/me',
    hasRole(api.principal, 'resident') ? { path: { projectId: project.projectId } } : null,
  );
  const member = joined || team.data?.member === true;
  const mayJoin = hasRole(api.principal, 'resident') && team.data?.member === false && !joined;
  const resourceName = (id: string) => resources.find((r) => r.resourceId === id)?.title ?? id;
  const headingId = `project-${project.projectId}`;
  return (
    <li className="work-item" aria-labelledby={headingId}>
      <div className="work-head">
        <h3 id={headingId} className="subsection-title">
          {project.title}
        </h3>
        <span className="pill">{t('teamSize', { n: project.teamSize })}</span>
      </div>
      <p>{project.summary}</p>
      {(project.teamIncomeFen > 0 || project.fundIncomeFen > 0) && (
        <p className="muted">{t('incomeSplit', { team: yuan(project.teamIncomeFen), fund: yuan(project.fundIncomeFen) })}</p>
      )}
      {project.requests.length > 0 && (
        <ul className="plain-list">
          {project.requests.map((r) => (
            <li key={r.requestId}>
              {resourceName(r.resourceId)} · {r.purpose} ·{' '}
              <StateTag {...REQUEST_STATE[r.status]}>{keyed('requestStatus_', r.status)}</StateTag>
              {r.reason && (
                <span>
                  {' '}
                  {t('reasonLabel')}：{r.reason}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {member && !joined && <p className="pill">{t('inTeam')}</p>}
      {mayJoin && (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            aria-describedby={headingId}
            disabled={join.busy}
            onClick={async () => {
              if (await join.run(() => api.send('POST', `/api/co-building/projects/${project.projectId}/team`))) {
                setJoined(true);
                onChanged();
              }
            }}
          >
            {t('joinTeam')}
          </button>
        </div>
      )}
      {joined && <Notice kind="success">{t('joinedTeam')}</Notice>}
      <ActionError error={join.error} />
      {member && (
        <details className="more">
          <summary>{t('requestResource')}</summary>
          <RequestResource project={project} resources={resources} onRequested={onChanged} />
        </details>
      )}
      {(member || hasRole(api.principal, 'community_officer')) && (
        <details className="more">
          <summary>{t('recordIncome')}</summary>
          <RecordIncome project={project} onRecorded={onChanged} />
        </details>
      )}
    </li>
  );
}

function RequestResource({
  project,
  resources,
  onRequested,
}: {
  project: CommunityProject;
  resources: readonly Resource[];
  onRequested: () => void;
}) {
  const { t } = useI18n();
  const keyed = useKeyed();
  const api = useApi();
  const action = useAction();
  const [resourceId, setResourceId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (
      await action.run(() =>
        api.send('POST', `/api/co-building/projects/${project.projectId}/resource-requests`, { resourceId, purpose: purpose.trim() }),
      )
    ) {
      setDone(true);
      setPurpose('');
      onRequested();
    }
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('resourcePick')}>
        {(p) => (
          <select {...p} value={resourceId} onChange={(e) => setResourceId(e.target.value)} required>
            <option value="">{t('resourceNone')}</option>
            {resources.map((r) => (
              <option key={r.resourceId} value={r.resourceId}>
                {keyed('kind_', r.kind)} · {r.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('purpose')}>
        {(p) => <input {...p} value={purpose} maxLength={1000} onChange={(e) => setPurpose(e.target.value)} required />}
      </Field>
      {done && <Notice kind="success">{t('requestSent')}</Notice>}
      <ActionError error={action.error} />
      <button type="submit" className="button button-primary" disabled={action.busy || !resourceId || !purpose.trim()}>
        {t('requestSend')}
      </button>
    </form>
  );
}

function RecordIncome({ project, onRecorded }: { project: CommunityProject; onRecorded: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [source, setSource] = useState('service_fee');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState(false);
  const fen = Math.round(Number(amount) * 100);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (
      await action.run(() =>
        api.send('POST', `/api/co-building/projects/${project.projectId}/income`, {
          source,
          description: description.trim(),
          amountFen: fen,
        }),
      )
    ) {
      setDone(true);
      setDescription('');
      setAmount('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('incomeSource')}>
        {(p) => (
          <select {...p} value={source} onChange={(e) => setSource(e.target.value)}>
            {(['space_rent', 'service_fee', 'donation', 'other'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`income_${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('incomeDescription')}>
        {(p) => <input {...p} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} required />}
      </Field>
      <Field label={t('incomeAmount')}>
        {(p) => (
          <input
            {...p}
            type="number"
            inputMode="decimal"
            min="0.01"
            step="0.01"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            required
          />
        )}
      </Field>
      {done && <Notice kind="success">{t('incomeRecorded')}</Notice>}
      <ActionError error={action.error} />
      <button type="submit" className="button button-primary" disabled={action.busy || !description.trim() || !(fen > 0)}>
        {t('incomeSend')}
      </button>
    </form>
  );
}
