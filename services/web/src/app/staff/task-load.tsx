import { useMemo, useState, type FormEvent } from 'react';
import { hasRole, useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { cityDate, cityDateAfter, fromCityTime } from '../city-time';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useDepartmentNames } from './staff-console';

// 上面千条线，下面一根针: what departments push down to communities, as the street, the community and the
// department each need to see it.

type CommunityTask = AnswerOf<'/api/department-dispatch/communities/{communityId}/tasks'>['tasks'][number];

/** The community names of the organisation tree, by id. */
function useCommunityNames() {
  const { name } = useI18n();
  const organisation = useApiQuery('/api/organisation', {});
  return useMemo(() => {
    const communities = (organisation.data?.districts ?? []).flatMap((d) => d.streets.flatMap((s) => s.communities));
    return {
      communities,
      communityName: (id: string) => name(communities.find((c) => c.id === id)?.name, id),
    };
  }, [organisation.data, name]);
}

export function TaskLoad() {
  const api = useApi();
  const p = api.principal;
  if (hasRole(p, 'department_staff') && p?.scope.departmentId) return <DepartmentTasks departmentId={p.scope.departmentId} />;
  if (hasRole(p, 'community_officer') && p?.scope.communityId) return <CommunityTasks communityId={p.scope.communityId} />;
  return p?.scope.streetId ? <StreetLoad streetId={p.scope.streetId} /> : null;
}

function StreetLoad({ streetId }: { streetId: string }) {
  const { t } = useI18n();
  const load = useApiQuery('/api/department-dispatch/streets/{streetId}/task-load', { path: { streetId } });
  const { communityName } = useCommunityNames();
  const { departmentName } = useDepartmentNames();
  return (
    <section className="card">
      <PageTitle>{t('taskLoadTitle')}</PageTitle>
      <p className="muted">{t('taskLoadIntro')}</p>
      <Loading loaded={load}>
        {(data) =>
          data.communities.length === 0 ? (
            <p>{t('taskLoadEmpty')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('taskLoadTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('community')}</th>
                  <th scope="col">{t('tasksOpen')}</th>
                  <th scope="col">{t('tasksOverdue')}</th>
                  <th scope="col">{t('tasksDueWithinWeek')}</th>
                  <th scope="col">{t('tasksDoneLate')}</th>
                  <th scope="col">{t('mainSources')}</th>
                </tr>
              </thead>
              <tbody>
                {data.communities.map((c) => (
                  <tr key={c.communityId}>
                    <th scope="row">{communityName(c.communityId)}</th>
                    <td>{c.open}</td>
                    <td>{c.overdue}</td>
                    <td>{c.dueWithinWeek}</td>
                    <td>{c.doneLate}</td>
                    <td>
                      {c.bySource
                        .slice(0, 3)
                        .map((s) => `${departmentName(s.departmentId)} ${s.open}/${s.total}`)
                        .join('、')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}

function CommunityTasks({ communityId }: { communityId: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const tasks = useApiQuery('/api/department-dispatch/communities/{communityId}/tasks', { path: { communityId } });
  const { departmentName } = useDepartmentNames();
  const action = useAction();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const now = Date.now();
  const reportDone = async (task: CommunityTask) => {
    const note = notes[task.taskId]?.trim() ?? '';
    if (await action.run(() => api.send('POST', `/api/department-dispatch/community-tasks/${task.taskId}/complete`, { note }))) {
      tasks.reload();
    }
  };
  return (
    <section className="card">
      <PageTitle>{t('communityTasksTitle')}</PageTitle>
      <ActionError error={action.error} />
      <Loading loaded={tasks}>
        {(data) =>
          data.tasks.length === 0 ? (
            <p>{t('communityTasksEmpty')}</p>
          ) : (
            <>
              <p>
                {t('tasksOpen')} {data.load.open} · {t('tasksOverdue')} {data.load.overdue} · {t('tasksDueWithinWeek')}{' '}
                {data.load.dueWithinWeek}
              </p>
              <ul className="list">
                {data.tasks.map((task) => (
                  <li key={task.taskId} className="work-item">
                    <div className="work-head">
                      <strong>{task.title}</strong>
                      <span className="status">
                        {task.completedAt
                          ? t('communityTaskDone')
                          : Date.parse(task.dueAt) < now
                            ? t('taskOverdue')
                            : `${t('taskDueAt')} ${dateTime(task.dueAt)}`}
                      </span>
                    </div>
                    <p className="muted">
                      {t('pushedBy')}：{departmentName(task.sourceDepartmentId)} · {t('taskDueAt')} {dateTime(task.dueAt)}
                    </p>
                    {!task.completedAt && (
                      <div className="row">
                        <Field label={`${t('reportDoneNote')}：${task.title}`}>
                          {(p) => (
                            <input
                              {...p}
                              value={notes[task.taskId] ?? ''}
                              maxLength={2000}
                              onChange={(e) => setNotes({ ...notes, [task.taskId]: e.target.value })}
                            />
                          )}
                        </Field>
                        <button
                          type="button"
                          className="button button-primary"
                          disabled={action.busy || !(notes[task.taskId] ?? '').trim()}
                          onClick={() => reportDone(task)}
                        >
                          {t('reportDone')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loading>
    </section>
  );
}

function DepartmentTasks({ departmentId }: { departmentId: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const pushed = useApiQuery('/api/department-dispatch/departments/{departmentId}/community-tasks', { path: { departmentId } });
  const { communities, communityName } = useCommunityNames();
  const action = useAction();
  const [communityId, setCommunityId] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => cityDateAfter(new Date(), 7));
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = { communityId: communityId || communities[0]?.id, title: title.trim(), dueAt: fromCityTime(due, '17:00') };
    if (await action.run(() => api.send('POST', `/api/department-dispatch/departments/${departmentId}/community-tasks`, body))) {
      setDone(true);
      setTitle('');
      pushed.reload();
    }
  };
  return (
    <>
      <section className="card" aria-labelledby="push-task-title">
        <h2 id="push-task-title" className="section-title">
          {t('pushTaskTitle')}
        </h2>
        <p className="muted">{t('pushTaskHint')}</p>
        <form onSubmit={submit}>
          <Field label={t('community')}>
            {(p) => (
              <select {...p} value={communityId || communities[0]?.id || ''} onChange={(e) => setCommunityId(e.target.value)}>
                {communities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {communityName(c.id)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('taskTitle')} error={action.fieldError('title')}>
            {(p) => (
              <input
                {...p}
                value={title}
                maxLength={200}
                onChange={(e) => {
                  setTitle(e.target.value);
                  action.clearField('title');
                }}
                required
              />
            )}
          </Field>
          <Field label={t('dueDate')} error={action.fieldError('dueAt')}>
            {(p) => (
              <input
                {...p}
                type="date"
                min={cityDate(new Date())}
                value={due}
                onChange={(e) => {
                  setDue(e.target.value);
                  action.clearField('dueAt');
                }}
                required
              />
            )}
          </Field>
          {done && <Notice kind="success">{t('saved')}</Notice>}
          <ActionError error={action.error} />
          <button type="submit" className="button button-primary button-wide" disabled={action.busy || !title.trim() || !due}>
            {t('pushTask')}
          </button>
        </form>
      </section>
      <section className="card">
        <h2 className="section-title">{t('pushedTasksTitle')}</h2>
        <Loading loaded={pushed}>
          {(data) => (
            <ul className="list">
              {data.tasks.map((task) => (
                <li key={task.taskId}>
                  <strong>{task.title}</strong> · {communityName(task.communityId)} · {t('taskDueAt')} {dateTime(task.dueAt)}
                  {task.completedAt ? ` · ${t('communityTaskDone')}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Loading>
      </section>
    </>
  );
}
