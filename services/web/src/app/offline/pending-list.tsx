import { Icon } from '../icons';
import { useI18n } from '../i18n';
import { ApiError } from '../api';
import { plainError } from '../plain-error';
import { useRouter } from '../router';
import { Notice } from '../ui';
import { useOfflineQueue } from './offline-queue';
import type { QueuedItem } from './queue-store';

const KIND_LABEL = { report: 'queueReport', 'check-in': 'queueCheckIn', triage: 'queueTriage' } as const satisfies Record<
  QueuedItem['kind'],
  string
>;

const refusalOf = (item: QueuedItem) =>
  item.refusal ? new ApiError(item.refusal.status, item.refusal.code, item.refusal.message, item.refusal.fields) : null;

/** "待发送 N 条": what this device still holds for the signed-in person, how far the sending is, and each refusal. */
export function PendingList() {
  const { t, lang, dateTime } = useI18n();
  const queue = useOfflineQueue();
  const { navigate } = useRouter();
  if (queue.items.length === 0) return null;
  return (
    <section className="card pending" aria-labelledby="pending-title">
      <h2 id="pending-title">
        <Icon name="outbox" /> {t('queueTitle', { count: queue.items.length })}
      </h2>
      <p>{t('queueIntro')}</p>
      <ul className="list">
        {queue.items.map((item) => {
          const refusal = refusalOf(item);
          const sending = queue.sending?.id === item.id ? queue.sending : null;
          return (
            <li key={item.id} className="work-item">
              <div className="work-head">
                <strong>{item.kind === 'report' ? item.body.description : item.title}</strong>
                <span className="pill">{t(KIND_LABEL[item.kind])}</span>
              </div>
              {item.kind === 'check-in' && <p>{t('queueMadeAt', { time: dateTime(item.madeAt) })}</p>}
              {item.kind === 'triage' && (
                <p>
                  {item.decision.action === 'accept' ? t('queueTriageAccept') : t('queueTriageReject', { reason: item.decision.reason })}
                </p>
              )}
              {sending ? (
                <div role="status">
                  <span>{t('queueSending')} </span>
                  <progress max={sending.of} value={sending.done} aria-label={t('queueProgress', { done: sending.done, of: sending.of })} />
                </div>
              ) : refusal ? (
                <Notice kind="error">{plainError(refusal, t, lang).message}</Notice>
              ) : (
                <p>
                  <span aria-hidden="true">⏳ </span>
                  {t('queueWaiting')}
                </p>
              )}
              {!sending && (
                <div className="actions">
                  {refusal && item.kind === 'report' && (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={async () => {
                        await queue.edit(item.id);
                        navigate('/resident/report');
                      }}
                    >
                      {t('queueFix')}
                    </button>
                  )}
                  {refusal ? (
                    <button type="button" className="button button-secondary" onClick={() => void queue.retry(item.id)}>
                      {t('queueRetry')}
                    </button>
                  ) : (
                    <button type="button" className="button button-secondary" onClick={() => void queue.flush()}>
                      {t('queueSendNow')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => window.confirm(t('queueDiscardConfirm')) && void queue.discard(item.id)}
                  >
                    {t('queueDiscard')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
