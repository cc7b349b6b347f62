import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { useLiveInvalidation } from '../query';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useCommunityId } from './civic';
import { ActivitiesSection } from './activities';
import { ProjectCard } from './co-building-project';
import { FundLedger } from './fund-ledger';

/** 社区共建: the community's projects, starting one in one step, joining, applying for resources, and the fund's public ledger. */
export function CoBuilding() {
  const { t } = useI18n();
  const communityId = useCommunityId();
  const projects = useApiQuery('/api/co-building/projects', { query: { communityId } });
  const resources = useApiQuery('/api/co-building/resources', { query: { communityId } });
  const ledger = useApiQuery('/api/co-building/fund/{communityId}/ledger', { path: { communityId } });
  const reload = () => {
    projects.reload();
    ledger.reload();
  };
  // The lists are this service's read model, a moment behind an action: the live stream says when it moved.
  useLiveInvalidation(['co-building'], ['/api/co-building/']);
  return (
    <>
      <section className="card">
        <PageTitle>{t('coBuildingTitle')}</PageTitle>
        <p className="lead">{t('coBuildingIntro')}</p>
      </section>
      <ActivitiesSection communityId={communityId} />
      <StartProject onStarted={reload} />
      <section className="card" aria-labelledby="projects-title">
        <h2 id="projects-title" className="section-title">
          {t('projectsTitle')}
        </h2>
        <Loading loaded={projects}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('projectsEmpty')}</p>
            ) : (
              <ul className="list">
                {[...list].reverse().map((project) => (
                  <ProjectCard key={project.projectId} project={project} resources={resources.data ?? []} onChanged={reload} />
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
      <FundLedger ledger={ledger} />
    </>
  );
}

function StartProject({ onStarted }: { onStarted: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (await action.run(() => api.send('POST', '/api/co-building/projects', { title: title.trim(), summary: summary.trim() }))) {
      setDone(true);
      setTitle('');
      setSummary('');
      onStarted();
    }
  };
  return (
    <section className="card" aria-labelledby="start-project-title">
      <h2 id="start-project-title" className="section-title">
        {t('startProject')}
      </h2>
      <form onSubmit={submit}>
        <Field label={t('projectTitle')}>
          {(p) => <input {...p} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <Field label={t('projectSummary')} hint={t('projectSummaryHint')}>
          {(p) => <input {...p} value={summary} maxLength={500} onChange={(e) => setSummary(e.target.value)} required />}
        </Field>
        {done && <Notice kind="success">{t('projectStarted')}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !title.trim() || !summary.trim()}>
          {t('startProjectSend')}
        </button>
      </form>
    </section>
  );
}
