import { useState } from 'react';
import { useApi, type CaseListItem } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { useCategoryNames } from '../resident/my-cases';
import { useLiveInvalidation } from '../query';
import { useOfflineQueue } from '../offline/offline-queue';
import type { TriageDecision } from '../offline/queue-store';
import { isNetworkFailure, sendTriage } from '../offline/send';
import { ActionError, CaseStatus, Countdown, Field, Loading, Notice, PageTitle, Photo, useAction } from '../ui';
import { CaseFacility } from './case-facility';
import { useDepartmentNames } from './staff-console';

// A reopened case is back at Acknowledged (its assignee handles it again): there is no Reopened status to ask for.
const OPEN_FOR_GRID = 'Reported,Accepted,Dispatched,Acknowledged';

/** The grid's queue: accept or reject what residents reported, dispatch it, and handle what came back to the grid. */
export function TriageQueue() {
  const { t, dateTime } = useI18n();
  const cases = useApiQuery('/api/cases', { query: { status: OPEN_FOR_GRID, limit: 100 } });
  // A new report appears without a reload.
  useLiveInvalidation(['cases'], ['/api/cases']);
  const categoryName = useCategoryNames();
  return (
    <section className="card">
      <PageTitle>{t('triageTitle')}</PageTitle>
      <Loading loaded={cases}>
        {(data) => {
          const mine = data.cases.filter((c) => c.assigneeKind !== 'department' || c.status === 'Reported' || c.status === 'Accepted');
          return mine.length === 0 ? (
            <p>{t('triageEmpty')}</p>
          ) : (
            <ul className="list">
              {mine.map((c) => (
                <li key={c.caseId} className="work-item">
                  <div className="work-head">
                    <strong>{categoryName(c.categoryCode)}</strong>
                    <CaseStatus status={c.status} />
                  </div>
                  <p>{c.description}</p>
                  <p className="muted">
                    {c.address ? `${c.address} · ` : ''}
                    {t('reportedAt')}：{dateTime(c.reportedAt)}
                  </p>
                  {c.status === 'Reported' && <ReportedPhotos caseId={c.caseId} />}
                  {c.resolveBy && <Countdown until={c.resolveBy} label="resolveWithin" />}
                  <CaseFacility caseId={c.caseId} gridId={c.gridId} />
                  <TriageActions item={c} onDone={cases.reload} />
                </li>
              ))}
            </ul>
          );
        }}
      </Loading>
    </section>
  );
}

function TriageActions({ item, onDone }: { item: CaseListItem; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const categories = useApiQuery('/api/categories', {});
  const { departments, departmentName } = useDepartmentNames();
  const lead = categories.data?.categories.find((c) => c.code === item.categoryCode)?.leadDepartmentId ?? '';
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [notes, setNotes] = useState('');
  const base = `/api/cases/${item.caseId}`;
  const post = (path: string, body?: unknown) => action.run(() => api.send('POST', `${base}/${path}`, body)).then((ok) => ok && onDone());
  const queue = useOfflineQueue();
  const [queued, setQueued] = useState(false);
  // Accepting or rejecting where the signal dropped: one id for the decision on every attempt, kept on the
  // device without signal and sent by the queue when it returns, so the case is decided once.
  const decide = async (decision: TriageDecision) => {
    const id = crypto.randomUUID();
    let sent = false;
    setQueued(false);
    await action.run(async () => {
      try {
        if (!navigator.onLine) throw new TypeError('offline');
        await sendTriage(api, item.caseId, decision, id);
        sent = true;
      } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        const owner = api.principal?.subject ?? '';
        await queue.enqueue({
          id,
          kind: 'triage',
          owner,
          queuedAt: new Date().toISOString(),
          caseId: item.caseId,
          title: item.description,
          decision,
        });
        setQueued(true);
      }
    });
    if (sent) onDone();
  };
  const waiting = queued || queue.items.some((i) => i.kind === 'triage' && i.caseId === item.caseId);
  const chosen = target || lead;

  return (
    <div className="work-actions">
      <div aria-live="polite">{queued && <Notice kind="info">{t('queuedTriage')}</Notice>}</div>
      {item.status === 'Reported' && !waiting && (
        <>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={action.busy}
              onClick={() => void decide({ action: 'accept' })}
            >
              {t('accept')}
            </button>
            <button type="button" className="button button-secondary" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
              {t('reject')}
            </button>
          </div>
          {rejecting && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void decide({ action: 'reject', reason: reason.trim() });
              }}
            >
              <Field label={t('rejectReason')}>
                {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} required />}
              </Field>
              <button type="submit" className="button button-primary" disabled={action.busy || !reason.trim()}>
                {t('reject')}
              </button>
            </form>
          )}
        </>
      )}
      {item.status === 'Accepted' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void post(
              'dispatch',
              chosen === 'grid_worker' ? { assigneeKind: 'grid_worker' } : { assigneeKind: 'department', departmentId: chosen },
            );
          }}
        >
          <Field label={t('dispatchTo')}>
            {(p) => (
              <select {...p} value={chosen} onChange={(e) => setTarget(e.target.value)}>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {t('toDepartment')}：{departmentName(d.id)}
                  </option>
                ))}
                <option value="grid_worker">{t('toGridWorker')}</option>
              </select>
            )}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.busy || !chosen}>
            {t('dispatch')}
          </button>
        </form>
      )}
      {item.status === 'Dispatched' && item.assigneeKind === 'grid_worker' && (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => post('acknowledge')}>
          {t('acknowledge')}
        </button>
      )}
      {item.status === 'Acknowledged' && item.assigneeKind === 'grid_worker' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void post('resolve', { notes: notes.trim() });
          }}
        >
          <Field label={t('resolveNotes')}>
            {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} required />}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.busy || !notes.trim()}>
            {t('resolve')}
          </button>
        </form>
      )}
      <ActionError error={action.error} />
    </div>
  );
}

/** The resident's photos, which the list leaves out: what the grid worker judges a report by. */
function ReportedPhotos({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const detail = useApiQuery('/api/cases/{caseId}', { path: { caseId } });
  const photoIds = detail.data?.photoIds ?? [];
  return photoIds.length === 0 ? null : (
    <div className="thumbs">
      {photoIds.map((id, i) => (
        <Photo key={id} photoId={id} alt={`${t('beforePhotos')} ${i + 1}`} />
      ))}
    </div>
  );
}
