import { useState } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';

type PendingResident = AnswerOf<'/api/auth/accounts/pending'>['items'][number];

/** The community office's desk: residents who registered in its patch, to verify or refuse with a reason. */
export function PendingResidents() {
  const { t } = useI18n();
  const pending = useApiQuery('/api/auth/accounts/pending', {});
  const gridName = useGridNames();
  const [outcome, setOutcome] = useState<string | null>(null);
  const done = (message: string) => {
    setOutcome(message);
    pending.reload();
  };
  return (
    <section className="card">
      <PageTitle>{t('pendingTitle')}</PageTitle>
      <p>{t('pendingIntro')}</p>
      {outcome && <Notice kind="success">{outcome}</Notice>}
      <Loading loaded={pending}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('pendingNone')}</p>
          ) : (
            <ul className="list">
              {data.items.map((resident) => (
                <PendingItem key={resident.id} resident={resident} gridName={gridName} onDone={done} />
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}

function PendingItem({
  resident,
  gridName,
  onDone,
}: {
  resident: PendingResident;
  gridName: (id: string | undefined) => string;
  onDone: (message: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const action = useAction();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const who = `${resident.displayName}（${resident.username}）`;
  const verify = async () => {
    if (await action.run(() => api.send('POST', `/api/auth/accounts/${encodeURIComponent(resident.id)}/verify`))) {
      onDone(t('verifiedNotice', { name: who }));
    }
  };
  const refuse = async () => {
    const sent = await action.run(() =>
      api.send('POST', `/api/auth/accounts/${encodeURIComponent(resident.id)}/refuse`, { reason: reason.trim() }),
    );
    if (sent) onDone(t('refusedNotice', { name: who }));
  };
  return (
    <li className="work-item" aria-label={who}>
      <div className="work-head">
        <strong>{who}</strong>
      </div>
      <p className="muted">
        {t('pendingGrid')}
        {t('labelColon')}
        {gridName(resident.scope.gridId)} · {t('pendingRegisteredAt')}
        {t('labelColon')}
        {dateTime(resident.createdAt)}
      </p>
      <ActionError error={action.error} />
      {refusing ? (
        <div>
          <Field label={t('refuseReason')} hint={t('refuseReasonHint')} error={action.fieldError('reason')}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required />}
          </Field>
          <div className="actions">
            <button type="button" className="button button-primary" disabled={action.busy || !reason.trim()} onClick={() => void refuse()}>
              {t('refuseConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRefusing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void verify()}>
            {t('verify')}
          </button>
          <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => setRefusing(true)}>
            {t('refuse')}
          </button>
        </div>
      )}
    </li>
  );
}

function useGridNames(): (id: string | undefined) => string {
  const { name } = useI18n();
  const organisation = useApiQuery('/api/organisation', {}, { publicRead: true });
  return (id) => {
    for (const district of organisation.data?.districts ?? [])
      for (const street of district.streets)
        for (const community of street.communities) {
          const grid = community.grids.find((g) => g.id === id);
          if (grid) return `${name(community.name)} · ${name(grid.name)}`;
        }
    return id ?? '';
  };
}
