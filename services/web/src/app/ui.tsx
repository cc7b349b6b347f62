import { Component, useEffect, useId, useMemo, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';
import { useI18n, type MessageKey } from './i18n';
import { CASE_STATUS } from './strings';
import { useApi, type Loaded } from './api';
import { plainError, type PlainError } from './plain-error';

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
  const { t, lang } = useI18n();
  if (loaded.error) {
    return (
      <div role="alert" className="notice notice-error">
        <Icon name="alert" /> {plainError(loaded.error, t, lang).message}{' '}
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
  const icon: IconName = kind === 'success' ? 'checkCircle' : kind === 'error' ? 'alert' : 'info';
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`notice notice-${kind}`}>
      <Icon name={icon} /> {children}
    </div>
  );
}

const STATUS_ICON: Record<string, IconName> = {
  Reported: 'inbox',
  Accepted: 'clipboard',
  Rejected: 'cross',
  Merged: 'link',
  Dispatched: 'truck',
  Acknowledged: 'wrench',
  Resolved: 'question',
  Confirmed: 'star',
  Reopened: 'undo',
  Closed: 'check',
};

/** A case's status as an icon and words (never only a colour). */
export function CaseStatus({ status }: { status: string }) {
  const { name } = useI18n();
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      <Icon name={STATUS_ICON[status] ?? 'info'} /> {name(CASE_STATUS[status], status)}
    </span>
  );
}

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  /** The server's (or the form's) word on this field, shown under it and read with it. */
  error?: string | null;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId}>{error}</FieldError>}
      {children({
        id,
        'aria-describedby': describedBy,
        ...(error ? { 'aria-invalid': true } : {}),
      })}
    </div>
  );
}

/** A field's problem in words and an icon, not only a red border. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error">
      <Icon name="alert" /> {children}
    </p>
  );
}

/**
 * Runs an action, shows its outcome, and keeps the button from being pressed twice meanwhile. A refusal
 * is kept as the server gave it and put in words at each render, so switching language re-words it;
 * `fieldError(name)` is the refusal's word on one field until `clearField(name)` (the person fixed it).
 */
export function useAction() {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [cleared, setCleared] = useState<readonly string[]>([]);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    setCleared([]);
    try {
      await action();
      return true;
    } catch (e) {
      setFailure({ error: e });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const error = useMemo(() => (failure ? plainError(failure.error, t, lang) : null), [failure, t, lang]);
  const fieldError = (name: string) => (error && !cleared.includes(name) ? (error.fields[name] ?? null) : null);
  const clearField = (name: string) => {
    if (error?.fields[name] && !cleared.includes(name)) setCleared([...cleared, name]);
  };
  return { busy, error, run, fieldError, clearField };
}

export function ActionError({ error }: { error: PlainError | null }) {
  return error ? <Notice kind="error">{error.message}</Notice> : null;
}

/** Keeps one bad answer (a shape the screen did not expect) from blanking the whole app: only its part says so. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('a screen failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <BrokenPart onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}

function BrokenPart({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <Icon name="alert" /> <strong>{t('errorPage')}</strong> {t('errorPageHint')}{' '}
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
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
        <Icon name={overdue ? 'stop' : soon ? 'hourglass' : 'clock'} />{' '}
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
