import { useState } from 'react';
import { useApi } from '../api';
import { useI18n } from '../i18n';
import { useOfflineQueue } from './offline-queue';
import { queueStore } from './queue-store';

/**
 * Signing out with items still queued asks first: send them now, or discard them. Either way the device
 * keeps nothing of the person's afterwards (api.signOut clears the queue and the data caches).
 */
export function SignOutButton() {
  const { t } = useI18n();
  const api = useApi();
  const queue = useOfflineQueue();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [stillQueued, setStillQueued] = useState(false);

  const sendThenSignOut = async () => {
    setBusy(true);
    await queue.flush();
    const left = await queueStore.list(api.principal?.subject ?? '');
    setBusy(false);
    if (left.length === 0) return api.signOut();
    setStillQueued(true);
  };

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => (queue.items.length > 0 ? setAsking(true) : api.signOut())}
        aria-expanded={queue.items.length > 0 ? asking : undefined}
      >
        {t('signOut')}
      </button>
      {asking && (
        <div role="alertdialog" aria-labelledby="sign-out-question" className="card sign-out-question">
          <p id="sign-out-question">{t('signOutQueued', { count: queue.items.length })}</p>
          {stillQueued && <p role="alert">{t('signOutStillQueued')}</p>}
          <div className="actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void sendThenSignOut()}>
              {t('signOutSendFirst')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => api.signOut()}>
              {t('signOutDiscard')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => {
                setAsking(false);
                setStillQueued(false);
              }}
            >
              {t('signOutCancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
