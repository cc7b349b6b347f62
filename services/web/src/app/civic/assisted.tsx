import { useState } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Loading, Notice, PageTitle, useAction } from '../ui';
import { StateTag, useKeyed } from './civic';

const BALLOT_STATE = {
  recorded: { tone: 'good', icon: 'check' },
  withdrawn: { tone: 'plain', icon: 'undo' },
  replaced: { tone: 'plain', icon: 'repeat' },
} as const;

/** 我的代办记录: a one-time consent code to read out to a visiting worker, and what they recorded for me. */
export function MyAssisted() {
  const { t, dateTime } = useI18n();
  const keyed = useKeyed();
  const api = useApi();
  const records = useApiQuery('/api/deliberation/me/assisted', {});
  const issue = useAction();
  const withdraw = useAction();
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  return (
    <>
      <section className="card">
        <PageTitle>{t('assistedTitle')}</PageTitle>
        <p className="lead">{t('assistedIntro')}</p>
        <p>
          {t('myResidentId')}：<strong>{api.principal?.displayName}</strong>
        </p>
        <button
          type="button"
          className="button button-primary button-wide"
          disabled={issue.busy}
          onClick={() =>
            issue.run(async () => setCode(await api.send<{ code: string; expiresAt: string }>('POST', '/api/deliberation/consent-codes')))
          }
        >
          {t('consentCodeMake')}
        </button>
        <ActionError error={issue.error} />
        {code && (
          <div className="voucher" role="status">
            <p>{t('consentCode')}</p>
            <p className="consent-code" aria-label={`${t('consentCode')} ${code.code.split('').join(' ')}`}>
              {code.code}
            </p>
            <p>{t('consentCodeExpires', { time: dateTime(code.expiresAt) })}</p>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="assisted-records-title">
        <h2 id="assisted-records-title" className="section-title">
          {t('assistedRecords')}
        </h2>
        {withdrawn && <Notice kind="success">{t('withdrawn')}</Notice>}
        <ActionError error={withdraw.error} />
        <Loading loaded={records}>
          {(data) =>
            data.ballots.length === 0 && data.comments.length === 0 ? (
              <p>{t('assistedEmpty')}</p>
            ) : (
              <ul className="list">
                {data.ballots.map((b) => (
                  <li key={b.ballotId} className="work-item">
                    <div className="work-head">
                      <strong>{b.title ?? b.topicId}</strong>
                      <StateTag {...BALLOT_STATE[b.status]}>{keyed('assistedStatus_', b.status)}</StateTag>
                    </div>
                    <p>
                      {t('assistedWhen')}：{dateTime(b.recordedAt)} · {t('assistedBy')}：{b.assistantRole} ·{' '}
                      {b.consent.method === 'one_time_code' ? t('consentByCode') : t('consentBySlip')}
                    </p>
                    {b.choice && (
                      <p>
                        {t('assistedChoice')}：<strong>{b.choice.join('、')}</strong>
                      </p>
                    )}
                    {b.withdrawable && (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={withdraw.busy}
                        onClick={async () => {
                          if (
                            await withdraw.run(() =>
                              api.send('POST', `/api/deliberation/me/assisted/${encodeURIComponent(b.topicId)}/withdrawal`),
                            )
                          ) {
                            setWithdrawn(true);
                            records.reload();
                          }
                        }}
                      >
                        {t('withdraw')}
                      </button>
                    )}
                  </li>
                ))}
                {data.comments.map((c) => (
                  <li key={c.commentId} className="list-item">
                    {t('assistedComments')} · {dateTime(c.recordedAt)}
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
    </>
  );
}
