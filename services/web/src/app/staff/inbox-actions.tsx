import { useState, type FormEvent } from 'react';
import { useApi, type CaseListItem } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { useCategoryNames } from '../resident/my-cases';
import { ActionError, Field, Notice, useAction } from '../ui';
import type { Assignment } from './department-inbox';
import { useDepartmentNames } from './staff-console';

type Opened = 'sendBack' | 'merge' | null;

/**
 * What the department may do with its assignment, and only that: 签收 before work starts, 办结 once acknowledged,
 * 退回 with a reason (declined before 签收; afterwards a request to reassign, naming the right department), and
 * 合并 into another case the department holds.
 */
export function InboxActions({
  assignment,
  others,
  onDone,
}: {
  assignment: Assignment;
  others: readonly { assignment: Assignment; item: CaseListItem | undefined }[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [opened, setOpened] = useState<Opened>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  const base = `/api/department-dispatch/assignments/${assignment.assignmentId}`;
  const finish = (message: MessageKey | null) => {
    setDone(message);
    setOpened(null);
    onDone();
  };
  const toggle = (which: Exclude<Opened, null>) => {
    setDone(null);
    setOpened(opened === which ? null : which);
  };
  return (
    <div className="work-actions desk-actions">
      <div className="actions">
        {assignment.status === 'created' && (
          <button
            type="button"
            className="button button-primary"
            disabled={action.busy}
            onClick={async () => (await action.run(() => api.send('POST', `${base}/acknowledge`))) && finish(null)}
          >
            {t('acknowledge')}
          </button>
        )}
        <button type="button" className="button button-secondary" aria-expanded={opened === 'sendBack'} onClick={() => toggle('sendBack')}>
          {t('sendBack')}
        </button>
        {others.length > 0 && (
          <button type="button" className="button button-secondary" aria-expanded={opened === 'merge'} onClick={() => toggle('merge')}>
            {t('mergeCase')}
          </button>
        )}
      </div>
      {opened === 'sendBack' && <SendBack assignment={assignment} onSent={finish} />}
      {opened === 'merge' && <Merge assignment={assignment} others={others} onMerged={() => finish('merged')} />}
      {assignment.status === 'acknowledged' && opened === null && <Complete base={base} onCompleted={() => finish(null)} />}
      {done && <Notice kind="success">{t(done)}</Notice>}
      <ActionError error={action.error} />
    </div>
  );
}

function SendBack({ assignment, onSent }: { assignment: Assignment; onSent: (message: MessageKey) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const { departments, departmentName } = useDepartmentNames();
  const [reason, setReason] = useState('');
  const [suggested, setSuggested] = useState('');
  const acknowledged = assignment.status === 'acknowledged';
  const own = api.principal?.scope.departmentId;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const base = `/api/department-dispatch/assignments/${assignment.assignmentId}`;
    const sent = await action.run(() =>
      acknowledged
        ? api.send('POST', `${base}/request-reassignment`, { reason: reason.trim(), suggestedDepartmentId: suggested })
        : api.send('POST', `${base}/decline`, { reason: reason.trim(), suggestedDepartmentId: suggested || null }),
    );
    if (sent) onSent(acknowledged ? 'reassignmentAsked' : 'sentBack');
  };
  return (
    <form className="callout" onSubmit={submit}>
      {acknowledged && <p className="muted">{t('sendBackAfterAcknowledge')}</p>}
      <Field label={t('sendBackReason')} error={action.fieldError('reason')}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={reason}
            required
            onChange={(e) => {
              action.clearField('reason');
              setReason(e.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('sendBackSuggest')} error={action.fieldError('suggestedDepartmentId')}>
        {(p) => (
          <select {...p} value={suggested} required={acknowledged} onChange={(e) => setSuggested(e.target.value)}>
            <option value="">{acknowledged ? '' : t('sendBackUnsure')}</option>
            {departments
              .filter((d) => d.id !== own)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentName(d.id)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={action.busy || !reason.trim() || (acknowledged && !suggested)}>
        {t('sendBackSend')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}

function Merge({
  assignment,
  others,
  onMerged,
}: {
  assignment: Assignment;
  others: readonly { assignment: Assignment; item: CaseListItem | undefined }[];
  onMerged: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const categoryName = useCategoryNames();
  const [target, setTarget] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/api/cases/${encodeURIComponent(assignment.caseId)}/merge-duplicate`;
    if (await action.run(() => api.send('POST', path, { intoCaseId: target }))) onMerged();
  };
  return (
    <form className="callout" onSubmit={submit}>
      <p className="muted">{t('mergeHint')}</p>
      <Field label={t('mergeInto')} error={action.fieldError('intoCaseId')}>
        {(p) => (
          <select {...p} value={target} required onChange={(e) => setTarget(e.target.value)}>
            <option value="" />
            {others.map(({ assignment: other, item }) => (
              <option key={other.caseId} value={other.caseId}>
                {categoryName(other.categoryCode)}
                {item ? ` · ${item.description}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={action.busy || !target}>
        {t('mergeSend')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}

function Complete({ base, onCompleted }: { base: string; onCompleted: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await action.run(async () => {
          const afterPhotoIds = photo ? [(await api.uploadPhoto(photo)).photoId] : [];
          await api.send('POST', `${base}/complete`, { notes: notes.trim(), afterPhotoIds });
        });
        if (done) onCompleted();
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
      <Field label={t('afterPhotos')} hint={t('afterPhotoHint')} error={action.fieldError('photo') ?? action.fieldError('afterPhotoIds')}>
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
      <ActionError error={action.error} />
    </form>
  );
}
