import { useEffect, useRef, useState, type FormEvent } from 'react';
import { hasRole, useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { WHISTLE_STATUS } from './strings';
import { ActionError, Countdown, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useDepartmentNames } from './staff-console';
import { useOfflineQueue } from '../offline/offline-queue';
import type { QueuedCheckIn } from '../offline/queue-store';
import { checkInPath, idempotencyHeaders, isNetworkFailure } from '../offline/send';
import { useLiveInvalidation } from '../query';
import { Icon, type IconName } from '../icons';

const WHISTLE_ICON: Record<string, IconName> = {
  summoned: 'bell',
  in_progress: 'wrench',
  resolved: 'check',
};

/** 吹哨报到: the street summons departments; each checks in before its deadline and reports its task done. */
export function WhistleBoard() {
  const api = useApi();
  return hasRole(api.principal, 'department_staff') ? <DepartmentWhistles /> : <StreetWhistles />;
}

function StreetWhistles() {
  const { t, name, dateTime } = useI18n();
  const api = useApi();
  const streetId = api.principal?.scope.streetId;
  const whistles = useApiQuery('/api/department-dispatch/streets/{streetId}/whistles', streetId ? { path: { streetId } } : null);
  const { departmentName } = useDepartmentNames();
  // A department's check-in shows on the street's board as it happens.
  useLiveInvalidation(['whistles'], ['/api/department-dispatch/streets/', '/api/department-dispatch/whistles/']);
  return (
    <>
      <section className="card">
        <PageTitle>{t('whistlesTitle')}</PageTitle>
        <Loading loaded={whistles}>
          {(data) =>
            data.whistles.length === 0 ? (
              <p>{t('whistlesEmpty')}</p>
            ) : (
              <ul className="list">
                {data.whistles.map((w) => {
                  return (
                    <li key={w.whistleId} className="work-item">
                      <div className="work-head">
                        <strong>{w.title}</strong>
                        <span className="status">
                          <Icon name={WHISTLE_ICON[w.status] ?? 'info'} /> {name(WHISTLE_STATUS[w.status], w.status)}
                        </span>
                      </div>
                      <p className="muted">
                        {t('leadDepartment')}：{departmentName(w.leadDepartmentId)} · {dateTime(w.blownAt)}
                      </p>
                      <WhistleDepartments whistleId={w.whistleId} />
                    </li>
                  );
                })}
              </ul>
            )
          }
        </Loading>
      </section>
      {streetId && <BlowWhistle streetId={streetId} onBlown={whistles.reload} />}
    </>
  );
}

function WhistleDepartments({ whistleId }: { whistleId: string }) {
  const { t } = useI18n();
  const detail = useApiQuery('/api/department-dispatch/whistles/{whistleId}', { path: { whistleId } });
  const { departmentName } = useDepartmentNames();
  return (
    <Loading loaded={detail}>
      {(d) => (
        <table className="table">
          <caption className="visually-hidden">{t('departments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('department')}</th>
              <th scope="col">{t('checkIn')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {d.departments.map((dep) => (
              <tr key={dep.departmentId}>
                <td>
                  {departmentName(dep.departmentId)}
                  {dep.lead ? `（${t('leadDepartment')}）` : ''}
                </td>
                <td>
                  {dep.checkIn.state === 'checked_in' ? (
                    <span>
                      <Icon name="checkCircle" /> {t('checkedIn')}
                    </span>
                  ) : dep.checkIn.state === 'awaiting' ? (
                    <Countdown until={dep.checkIn.dueAt} label="checkInBy" />
                  ) : (
                    <span>
                      <Icon name="stop" /> {t('missed')}
                    </span>
                  )}
                </td>
                <td>
                  {dep.task.state === 'done' ? (
                    t('taskDone')
                  ) : dep.task.state === 'open' ? (
                    <Countdown until={dep.task.dueBy} label="resolveWithin" />
                  ) : (
                    t('none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loading>
  );
}

function BlowWhistle({ streetId, onBlown }: { streetId: string; onBlown: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const { departments, departmentName } = useDepartmentNames();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [lead, setLead] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = { title: title.trim(), description: description.trim(), departmentIds: chosen, leadDepartmentId: lead || chosen[0] };
    if (await action.run(() => api.send('POST', `/api/department-dispatch/streets/${streetId}/whistles`, body))) {
      setDone(true);
      setTitle('');
      setDescription('');
      setChosen([]);
      setLead('');
      onBlown();
    }
  };
  return (
    <section className="card" aria-labelledby="blow-title">
      <h2 id="blow-title" className="section-title">
        {t('blowWhistle')}
      </h2>
      <form onSubmit={submit}>
        <Field label={t('whistleTitle')}>
          {(p) => <input {...p} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <Field label={t('whistleDescription')}>
          {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} required />}
        </Field>
        <fieldset className="fieldset">
          <legend>{t('departments')}</legend>
          <div className="check-grid">
            {departments.map((d) => (
              <div className="check" key={d.id}>
                <input
                  id={`whistle-${d.id}`}
                  type="checkbox"
                  checked={chosen.includes(d.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((x) => x !== d.id))}
                />
                <label htmlFor={`whistle-${d.id}`}>{departmentName(d.id)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field label={t('leadDepartment')}>
          {(p) => (
            <select {...p} value={lead || chosen[0] || ''} onChange={(e) => setLead(e.target.value)} disabled={chosen.length === 0}>
              {chosen.map((id) => (
                <option key={id} value={id}>
                  {departmentName(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {done && <Notice kind="success">{t('saved')}</Notice>}
        <ActionError error={action.error} />
        <button
          type="submit"
          className="button button-primary button-wide"
          disabled={action.busy || !title.trim() || !description.trim() || chosen.length === 0}
        >
          <Icon name="bell" /> {t('blow')}
        </button>
      </form>
    </section>
  );
}

function DepartmentWhistles() {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const departmentId = api.principal?.scope.departmentId;
  const whistles = useApiQuery(
    '/api/department-dispatch/departments/{departmentId}/whistles',
    departmentId ? { path: { departmentId } } : null,
  );
  useLiveInvalidation(['whistles'], ['/api/department-dispatch/departments/']);
  const action = useAction();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const queue = useOfflineQueue();
  const [queuedAt, setQueuedAt] = useState<string | null>(null);
  const queuedWhistles = queue.items.flatMap((item) => (item.kind === 'check-in' ? [item.whistleId] : []));
  // A queued check-in that went out changes the board: read it again once the queue has shrunk.
  const queuedCount = useRef(queue.items.length);
  useEffect(() => {
    if (queue.items.length < queuedCount.current) whistles.reload();
    queuedCount.current = queue.items.length;
  }, [queue.items.length]);

  const checkIn = async (whistle: AnswerOf<'/api/department-dispatch/departments/{departmentId}/whistles'>['whistles'][number]) => {
    const now = new Date().toISOString();
    // One id for this check-in, on every attempt: a repeat whose first answer was lost is recorded once.
    const item: QueuedCheckIn = {
      id: crypto.randomUUID(),
      kind: 'check-in',
      owner: api.principal?.subject ?? '',
      queuedAt: now,
      whistleId: whistle.whistleId,
      title: whistle.title,
      madeAt: now,
    };
    let sent = false;
    setQueuedAt(null);
    await action.run(async () => {
      try {
        if (!navigator.onLine) throw new TypeError('offline');
        await api.send('POST', checkInPath(whistle.whistleId), undefined, idempotencyHeaders(item.id));
        sent = true;
      } catch (error) {
        if (!isNetworkFailure(error)) throw error;
        // Without signal: kept with the time it was made, which the server counts within its grace window.
        await queue.enqueue(item);
        setQueuedAt(item.madeAt);
      }
    });
    if (sent) whistles.reload();
  };

  return (
    <section className="card">
      <PageTitle>{t('whistlesTitle')}</PageTitle>
      <ActionError error={action.error} />
      <div aria-live="polite">{queuedAt && <Notice kind="info">{t('queuedCheckIn', { time: dateTime(queuedAt) })}</Notice>}</div>
      <Loading loaded={whistles}>
        {(data) =>
          data.whistles.length === 0 ? (
            <p>{t('whistlesEmpty')}</p>
          ) : (
            <ul className="list">
              {data.whistles.map((w) => (
                <li key={w.whistleId} className="work-item">
                  <div className="work-head">
                    <strong>{w.title}</strong>
                    {w.lead && <span className="pill">{t('leadDepartment')}</span>}
                  </div>
                  {!w.checkedInAt ? (
                    <>
                      <Countdown until={w.checkInBy} label="checkInBy" />
                      {queuedWhistles.includes(w.whistleId) ? (
                        <p>
                          <Icon name="outbox" /> {t('queueWaiting')}
                        </p>
                      ) : (
                        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void checkIn(w)}>
                          {t('checkIn')}
                        </button>
                      )}
                    </>
                  ) : w.taskCompletedAt ? (
                    <p>
                      <Icon name="checkCircle" /> {t('taskDone')}
                    </p>
                  ) : (
                    <form
                      onSubmit={async (e) => {
                        e.preventDefault();
                        const body = { notes: (notes[w.whistleId] ?? '').trim() };
                        if (
                          await action.run(() => api.send('POST', `/api/department-dispatch/whistles/${w.whistleId}/task/complete`, body))
                        )
                          whistles.reload();
                      }}
                    >
                      <p>
                        <Icon name="checkCircle" /> {t('checkedIn')}
                      </p>
                      {w.taskDueBy && <Countdown until={w.taskDueBy} label="resolveWithin" />}
                      <Field label={t('completeNotes')}>
                        {(p) => (
                          <textarea
                            {...p}
                            rows={2}
                            value={notes[w.whistleId] ?? ''}
                            onChange={(e) => setNotes({ ...notes, [w.whistleId]: e.target.value })}
                            required
                          />
                        )}
                      </Field>
                      <button type="submit" className="button button-primary" disabled={action.busy || !(notes[w.whistleId] ?? '').trim()}>
                        {t('complete')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}
