import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from './i18n';
import { CASE_STATUS } from './strings';
import { useApi, type Loaded } from './api';

/** A page's heading; it takes the focus when the page opens, so a screen reader starts there. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

/** Loading, failure (with a retry) or the content: the three states every view has. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) {
    return (
      <div role="alert" className="notice notice-error">
        <span aria-hidden="true">⚠️ </span>
        {t('failed')}
        {loaded.error.message}{' '}
        <button type="button" className="button button-secondary" onClick={loaded.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) return <p aria-live="polite">{t('loading')}</p>;
  return <>{children(loaded.data)}</>;
}

/** A message that screen readers announce; success and failure differ in words and icon, not only colour. */
export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ReactNode }) {
  const icon = kind === 'success' ? '✅' : kind === 'error' ? '⚠️' : 'ℹ️';
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`notice notice-${kind}`}>
      <span aria-hidden="true">{icon} </span>
      {children}
    </div>
  );
}

const STATUS_ICON: Record<string, string> = {
  Reported: '📥',
  Accepted: '📋',
  Rejected: '✖',
  Merged: '🔗',
  Dispatched: '🚚',
  Acknowledged: '🔧',
  Resolved: '❓',
  Confirmed: '⭐',
  Reopened: '↩',
  Closed: '✔',
};

/** A case's status as an icon and words (never only a colour). */
export function CaseStatus({ status }: { status: string }) {
  const { name } = useI18n();
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      <span aria-hidden="true">{STATUS_ICON[status] ?? '•'} </span>
      {name(CASE_STATUS[status], status)}
    </span>
  );
}

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': hintId })}
    </div>
  );
}

/** Runs an action, shows its outcome, and keeps the button from being pressed twice meanwhile. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function ActionError({ error }: { error: string | null }) {
  const { t } = useI18n();
  return error ? (
    <Notice kind="error">
      {t('failed')}
      {error}
    </Notice>
  ) : null;
}

/** The time left until (or past) a deadline, in words, refreshed every half minute. */
export function Countdown({ until, label }: { until: string; label: MessageKey }) {
  const { t, dateTime } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const ms = new Date(until).getTime() - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const span =
    minutes >= 60 * 24
      ? t('spanDaysHours', { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) })
      : minutes >= 60
        ? t('spanHoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
        : t('spanMinutes', { minutes });
  const overdue = ms < 0;
  const soon = !overdue && ms < 60 * 60_000;
  return (
    <span className={`countdown ${overdue ? 'countdown-overdue' : soon ? 'countdown-soon' : ''}`}>
      <span className="countdown-label">
        {t(label)}
        {t('labelColon')}
      </span>
      {dateTime(until)}{' '}
      <strong>
        <span aria-hidden="true">{overdue ? '⛔ ' : soon ? '⏳ ' : '🕒 '}</span>
        {overdue ? t('overdueBy', { time: span }) : t('timeLeft', { time: span })}
      </strong>
    </span>
  );
}

/** Fetched with the reader's token: before triage a case's photos are shown only to its reporter, followers and staff. */
export function Photo({ photoId, alt }: { photoId: string; alt: string }) {
  const api = useApi();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api.photoUrl(photoId).then(
      (objectUrl) => {
        if (live) setSrc((url = objectUrl));
        else URL.revokeObjectURL(objectUrl);
      },
      () => live && setSrc(null),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // The token refreshes every 15 minutes; the photo stays the same, so only its id decides a refetch.
  }, [photoId]);
  return src ? <img className="photo" src={src} alt={alt} /> : <span className="photo" role="img" aria-label={alt} />;
}
