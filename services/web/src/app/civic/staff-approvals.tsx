import { Icon } from '../icons';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useCommunityId, useKeyed, type CommunityProject, type ProjectRequest, type Resource } from './civic';

/** The community officer's queue of resource requests from co-building projects, and the resource pool. */
export function ProjectApprovals() {
  const { t } = useI18n();
  const communityId = useCommunityId();
  const projects = useApiQuery('/api/co-building/projects', { query: { communityId } });
  const resources = useApiQuery('/api/co-building/resources', { query: { communityId } });
  return (
    <>
      <section className="card">
        <PageTitle>{t('approvalsTitle')}</PageTitle>
        <Loading loaded={projects}>
          {(list) => {
            const pending = list.flatMap((project) =>
              project.requests.filter((r) => r.status === 'requested').map((request) => ({ project, request })),
            );
            return pending.length === 0 ? (
              <p>{t('approvalsEmpty')}</p>
            ) : (
              <ul className="list">
                {pending.map(({ project, request }) => (
                  <PendingRequest
                    key={request.requestId}
                    project={project}
                    request={request}
                    resources={resources.data ?? []}
                    onDone={projects.reload}
                  />
                ))}
              </ul>
            );
          }}
        </Loading>
      </section>
      <ListResource onListed={resources.reload} />
    </>
  );
}

function PendingRequest({
  project,
  request,
  resources,
  onDone,
}: {
  project: CommunityProject;
  request: ProjectRequest;
  resources: readonly Resource[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const base = `/api/co-building/projects/${project.projectId}/resource-requests/${request.requestId}`;
  const resource = resources.find((r) => r.resourceId === request.resourceId);
  const decide = async (kind: 'approve' | 'decline') => {
    const body = kind === 'approve' ? { note: null } : { reason: reason.trim() };
    if (await action.run(() => api.send('POST', `${base}/${kind}`, body))) {
      setOutcome(kind === 'approve' ? t('approvedDone') : t('declinedDone'));
      setTimeout(onDone, 1500);
    }
  };
  const headingId = `request-${request.requestId}`;
  return (
    <li className="work-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="subsection-title">
        {project.title} · {resource?.title ?? request.resourceId}
      </h2>
      <p>{project.summary}</p>
      <p>
        {t('purpose')}：{request.purpose} · {t('teamSize', { n: project.teamSize })}
      </p>
      {outcome ? (
        <Notice kind="success">{outcome}</Notice>
      ) : (
        <>
          <Field label={t('declineReason')}>
            {(p) => <input {...p} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ActionError error={action.error} />
          <div className="actions">
            <button type="button" className="button button-primary" disabled={action.busy} onClick={() => decide('approve')}>
              <Icon name="check" /> {t('approve')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy || !reason.trim()}
              onClick={() => decide('decline')}
            >
              <Icon name="cross" /> {t('decline')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function ListResource({ onListed }: { onListed: () => void }) {
  const { t } = useI18n();
  const keyed = useKeyed();
  const api = useApi();
  const action = useAction();
  const [kind, setKind] = useState('space');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = {
      kind,
      title: title.trim(),
      description: description.trim(),
      category: kind,
      ...(kind === 'space' ? { opensAt: '08:00', closesAt: '21:00' } : {}),
    };
    if (await action.run(() => api.send('POST', '/api/co-building/resources', body))) {
      setDone(true);
      setTitle('');
      setDescription('');
      onListed();
    }
  };
  return (
    <section className="card" aria-labelledby="list-resource-title">
      <h2 id="list-resource-title" className="section-title">
        {t('listResource')}
      </h2>
      <form onSubmit={submit} className="inline-form">
        <Field label={t('resourceKind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {['space', 'goods', 'service'].map((k) => (
                <option key={k} value={k}>
                  {keyed('kind_', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('resourceTitle')}>
          {(p) => <input {...p} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <Field label={t('resourceDescription')}>
          {(p) => <input {...p} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} required />}
        </Field>
        {done && <Notice kind="success">{t('resourceListed')}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary" disabled={action.busy || !title.trim() || !description.trim()}>
          {t('resourceSend')}
        </button>
      </form>
    </section>
  );
}
