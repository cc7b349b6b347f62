import { useState } from 'react';
import { useApi, useLoad, type CaseListItem } from '../api';
import { useI18n } from '../i18n';
import { ASSIGNMENT_STATUS } from './strings';
import { useCategoryNames } from '../resident/my-cases';
import { ActionError, Countdown, Field, Loading, PageTitle, useAction } from '../ui';

interface Assignment {
  assignmentId: string;
  caseId: string;
  categoryCode: string;
  status: string;
  createdAt: string;
  acknowledgeBy: string;
  resolveBy: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  /** Set when the case came back because the resident reopened it: their words. */
  reopenReason: string | null;
}

const ASSIGNMENT_ICON: Record<string, string> = {
  created: '📥',
  acknowledged: '🔧',
  completed: '✔',
  declined: '↩',
  withdrawn: '⊘',
};

/** The department's assignments, the most urgent first, each with its deadline counting down. */
export function DepartmentInbox() {
  const { t, name } = useI18n();
  const api = useApi();
  const departmentId = api.principal?.scope.departmentId;
  const inbox = useLoad<{ assignments: Assignment[] }>(
    departmentId ? `/api/department-dispatch/departments/${departmentId}/assignments` : null,
  );
  const cases = useLoad<{ cases: CaseListItem[] }>('/api/cases?limit=200');
  const categoryName = useCategoryNames();
  const deadline = (a: Assignment) => (a.status === 'created' ? a.acknowledgeBy : a.resolveBy);
  return (
    <section className="card">
      <PageTitle>{t('inboxTitle')}</PageTitle>
      <Loading loaded={inbox}>
        {(data) => {
          const open = data.assignments.filter((a) => a.status === 'created' || a.status === 'acknowledged');
          open.sort((a, b) => deadline(a).localeCompare(deadline(b)));
          return open.length === 0 ? (
            <p>{t('inboxEmpty')}</p>
          ) : (
            <ul className="list">
              {open.map((a) => {
                const description = cases.data?.cases.find((c) => c.caseId === a.caseId)?.description;
                return (
                  <li key={a.assignmentId} className="work-item">
                    <div className="work-head">
                      <strong>{categoryName(a.categoryCode)}</strong>
                      <span className="status">
                        <span aria-hidden="true">{ASSIGNMENT_ICON[a.status]} </span>
                        {name(ASSIGNMENT_STATUS[a.status], a.status)}
                      </span>
                    </div>
                    {description && <p>{description}</p>}
                    {a.reopenReason && (
                      <p className="reopened">
                        <strong>{t('reopenedByResident')}</strong> {a.reopenReason}
                      </p>
                    )}
                    {a.status === 'created' ? (
                      <Countdown until={a.acknowledgeBy} label="acknowledgeWithin" />
                    ) : (
                      <Countdown until={a.resolveBy} label="resolveWithin" />
                    )}
                    <AssignmentActions assignment={a} onDone={() => (inbox.reload(), cases.reload())} />
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Loading>
    </section>
  );
}

function AssignmentActions({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const base = `/api/department-dispatch/assignments/${assignment.assignmentId}`;
  return (
    <div className="work-actions">
      {assignment.status === 'created' && (
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy}
          onClick={async () => (await action.run(() => api.send('POST', `${base}/acknowledge`))) && onDone()}
        >
          {t('acknowledge')}
        </button>
      )}
      {assignment.status === 'acknowledged' && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const done = await action.run(async () => {
              const afterPhotoIds = photo ? [(await api.uploadPhoto(photo)).photoId] : [];
              await api.send('POST', `${base}/complete`, { notes: notes.trim(), afterPhotoIds });
            });
            if (done) onDone();
          }}
        >
          <Field label={t('completeNotes')} error={action.fieldError('notes')}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={notes}
                onChange={(e) => {
                  action.clearField('notes');
                  setNotes(e.target.value);
                }}
                required
              />
            )}
          </Field>
          {/* The upload names its field `photo`, the completion `afterPhotoIds`: both are this picker. */}
          <Field
            label={t('afterPhotos')}
            hint={t('afterPhotoHint')}
            error={action.fieldError('photo') ?? action.fieldError('afterPhotoIds')}
          >
            {(p) => (
              <input
                {...p}
                className="file-input"
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => {
                  action.clearField('photo');
                  action.clearField('afterPhotoIds');
                  setPhoto(e.target.files?.[0] ?? null);
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.busy || !notes.trim()}>
            {t('complete')}
          </button>
        </form>
      )}
      <ActionError error={action.error} />
    </div>
  );
}
