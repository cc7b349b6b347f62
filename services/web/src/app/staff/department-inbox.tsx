import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useCityGrids } from '../dashboard/city-svg-map';
import { useI18n } from '../i18n';
import { invalidatePaths, useLiveInvalidation } from '../query';
import { useCategoryNames } from '../resident/my-cases';
import { useRouter } from '../router';
import { Countdown, Loading, PageTitle } from '../ui';
import { InboxCaseDetail } from './inbox-case-detail';
import { ASSIGNMENT_STATUS } from './strings';
import '../desk.css';
import { Icon, type IconName } from '../icons';

/** One assignment of the inbox; `reopenReason` is set when the case came back because the resident reopened it. */
export type Assignment = AnswerOf<'/api/department-dispatch/departments/{departmentId}/assignments'>['assignments'][number];

const ASSIGNMENT_ICON: Record<string, IconName> = {
  created: 'inbox',
  acknowledged: 'wrench',
  completed: 'check',
  declined: 'undo',
  withdrawn: 'stop',
};

const isOpen = (a: Assignment) => a.status === 'created' || a.status === 'acknowledged';
export const deadlineOf = (a: Assignment) => (a.status === 'created' ? a.acknowledgeBy : a.resolveBy);

/** The case selected in the inbox is part of its address (`/staff/inbox/<caseId>`): a link to the case. */
export const inboxPathOf = (caseId: string) => `/staff/inbox/${encodeURIComponent(caseId)}`;

/** What the desk shows: its assignments, the cases they are about and the open case in full. */
const DESK_PATHS = ['/api/department-dispatch/departments/', '/api/cases'];

/**
 * 部门待办 at a desk: the department's open assignments as a dense table, the most urgent first, with filters,
 * and the chosen case in full beside it. It follows the live stream, so new work appears without a reload.
 */
export function DepartmentInbox() {
  const { t, name } = useI18n();
  const api = useApi();
  const { path, navigate } = useRouter();
  const departmentId = api.principal?.scope.departmentId;
  const inbox = useApiQuery(
    '/api/department-dispatch/departments/{departmentId}/assignments',
    departmentId ? { path: { departmentId } } : null,
  );
  const cases = useApiQuery('/api/cases', { query: { limit: 200 } });
  const client = useQueryClient();
  const reloadAll = () => void invalidatePaths(client, DESK_PATHS);
  useLiveInvalidation(['cases'], DESK_PATHS);
  const categoryName = useCategoryNames();
  const grids = useCityGrids();
  const gridName = (id: string | undefined) => (id ? (grids?.find((g) => g.grid.id === id)?.label ?? id) : t('none'));
  const caseOf = (caseId: string) => cases.data?.cases.find((c) => c.caseId === caseId);

  const [status, setStatus] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [category, setCategory] = useState('');
  const [grid, setGrid] = useState('');
  const open = useMemo(
    () => (inbox.data?.assignments ?? []).filter(isOpen).sort((a, b) => deadlineOf(a).localeCompare(deadlineOf(b))),
    [inbox.data],
  );
  const selectedCaseId = /^\/staff\/inbox\/([^/]+)$/.exec(path)?.[1];
  const selected = open.find((a) => a.caseId === (selectedCaseId ? decodeURIComponent(selectedCaseId) : undefined)) ?? open[0];

  return (
    <section className="desk" aria-labelledby="inbox-title">
      <div className="desk-head">
        <PageTitle>
          <span id="inbox-title">{t('inboxTitle')}</span>
        </PageTitle>
      </div>
      <Loading loaded={inbox}>
        {() => {
          const now = new Date().toISOString();
          const shown = open.filter(
            (a) =>
              (!status || a.status === status) &&
              (!overdueOnly || deadlineOf(a) < now) &&
              (!category || a.categoryCode === category) &&
              (!grid || caseOf(a.caseId)?.gridId === grid),
          );
          const categories = [...new Set(open.map((a) => a.categoryCode))];
          const gridIds = [...new Set(open.flatMap((a) => caseOf(a.caseId)?.gridId ?? []))];
          if (open.length === 0) return <p>{t('inboxEmpty')}</p>;
          return (
            <>
              <form className="desk-filters" aria-label={t('deskFilters')} onSubmit={(e) => e.preventDefault()}>
                <label>
                  {t('deskFilterStatus')}
                  <select value={status} onChange={(e) => setStatus(e.target.value)}>
                    <option value="">{t('deskAllOpen')}</option>
                    <option value="created">{name(ASSIGNMENT_STATUS.created)}</option>
                    <option value="acknowledged">{name(ASSIGNMENT_STATUS.acknowledged)}</option>
                  </select>
                </label>
                <label>
                  {t('deskFilterCategory')}
                  <select value={category} onChange={(e) => setCategory(e.target.value)}>
                    <option value="">{t('deskAll')}</option>
                    {categories.map((code) => (
                      <option key={code} value={code}>
                        {categoryName(code)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('deskFilterGrid')}
                  <select value={grid} onChange={(e) => setGrid(e.target.value)}>
                    <option value="">{t('deskAll')}</option>
                    {gridIds.map((id) => (
                      <option key={id} value={id}>
                        {gridName(id)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="desk-check">
                  <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
                  {t('deskOverdueOnly')}
                </label>
                <span className="muted" role="status">
                  {t('deskCount', { count: shown.length })}
                </span>
              </form>
              <div className="desk-panes">
                <div className="desk-list" role="region" aria-label={t('deskListLabel')} tabIndex={0}>
                  {shown.length === 0 ? (
                    <p>{t('deskNoMatch')}</p>
                  ) : (
                    <table className="table desk-table">
                      <caption className="visually-hidden">{t('deskListLabel')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('deskColCase')}</th>
                          <th scope="col">{t('deskColGrid')}</th>
                          <th scope="col">{t('deskColStatus')}</th>
                          <th scope="col">{t('deskColDeadline')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {shown.map((a) => {
                          const item = caseOf(a.caseId);
                          const current = a.assignmentId === selected?.assignmentId;
                          return (
                            <tr key={a.assignmentId} className={current ? 'is-selected' : undefined}>
                              <th scope="row">
                                <button
                                  type="button"
                                  className="desk-pick"
                                  aria-current={current ? 'true' : undefined}
                                  onClick={() => navigate(inboxPathOf(a.caseId))}
                                >
                                  <strong>{categoryName(a.categoryCode)}</strong>
                                  {item && <span className="desk-brief">{item.description}</span>}
                                </button>
                              </th>
                              <td>{gridName(item?.gridId)}</td>
                              <td>
                                <Icon name={ASSIGNMENT_ICON[a.status] ?? 'info'} /> {name(ASSIGNMENT_STATUS[a.status], a.status)}
                                {a.reopenReason && <span className="desk-tag">{t('reopenedByResident').replace('：', '')}</span>}
                              </td>
                              <td>
                                <Countdown until={deadlineOf(a)} label={a.status === 'created' ? 'acknowledgeWithin' : 'resolveWithin'} />
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  )}
                </div>
                <section className="desk-detail" aria-label={t('deskDetailLabel')}>
                  {selected ? (
                    <InboxCaseDetail
                      key={selected.assignmentId}
                      assignment={selected}
                      gridName={gridName}
                      others={open.filter((a) => a.caseId !== selected.caseId).map((a) => ({ assignment: a, item: caseOf(a.caseId) }))}
                      onDone={reloadAll}
                    />
                  ) : (
                    <p>{t('deskPick')}</p>
                  )}
                </section>
              </div>
            </>
          );
        }}
      </Loading>
    </section>
  );
}
