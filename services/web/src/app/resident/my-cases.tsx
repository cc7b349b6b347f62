import { Icon, Stars as StarIcons } from '../icons';
import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { TIMELINE_STEP } from './strings';
import { Link } from '../router';
import { ActionError, CaseStatus, Field, Loading, Notice, PageTitle, Photo, useAction } from '../ui';

/** The first words of a description, enough to recognise one's own report. */
const brief = (text: string) => (text.length > 12 ? `${text.slice(0, 12)}…` : text);

export function useCategoryNames() {
  const { name } = useI18n();
  const categories = useApiQuery('/api/categories', {}, { publicRead: true });
  return (code: string) => name(categories.data?.categories.find((c) => c.code === code)?.name, code);
}

export function MyCases() {
  const { t, dateTime, name } = useI18n();
  const cases = useApiQuery('/api/cases', { query: { mine: 'true' } });
  const notifications = useApiQuery('/api/notifications', {});
  const categoryName = useCategoryNames();
  return (
    <>
      <section className="card">
        <PageTitle>{t('mineTitle')}</PageTitle>
        <Loading loaded={cases}>
          {(data) =>
            data.cases.length === 0 ? (
              <p>{t('mineEmpty')}</p>
            ) : (
              <ul className="list">
                {data.cases.map((c) => (
                  <li key={c.caseId}>
                    <Link to={`/resident/cases/${c.caseId}`} className="list-item list-link">
                      <span className="list-main">
                        <strong>{categoryName(c.categoryCode)}</strong>
                        <span>{c.description}</span>
                        <span className="muted">
                          {t('reportedAt')}：{dateTime(c.reportedAt)}
                        </span>
                      </span>
                      <CaseStatus status={c.status} />
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
      <section className="card" aria-labelledby="notifications-title">
        <h2 id="notifications-title" className="section-title">
          {t('notifications')}
        </h2>
        <Loading loaded={notifications}>
          {(data) =>
            data.notifications.length === 0 ? (
              <p>{t('noNotifications')}</p>
            ) : (
              <ul className="list">
                {data.notifications.slice(0, 10).map((n) => {
                  // A notification names its case by what the person reported (a followed case may not be in the list: then by a link).
                  const about = cases.data?.cases.find((c) => c.caseId === n.caseId);
                  return (
                    <li key={n.id} className="list-item">
                      <span className="list-main">
                        <span>{name(n.message)}</span>
                        <Link to={`/resident/cases/${n.caseId}`}>
                          {about
                            ? t('notificationAbout', { category: categoryName(about.categoryCode), what: brief(about.description) })
                            : t('notificationOpenCase')}
                        </Link>
                        <span className="muted">{dateTime(n.createdAt)}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )
          }
        </Loading>
      </section>
    </>
  );
}

export function CaseDetailView({ caseId }: { caseId: string }) {
  const { t, dateTime, name } = useI18n();
  const detail = useApiQuery('/api/cases/{caseId}', { path: { caseId } });
  const categoryName = useCategoryNames();
  return (
    <section className="card">
      <Link to="/resident/cases" className="button button-quiet">
        <Icon name="back" /> {t('back')}
      </Link>
      <Loading loaded={detail}>
        {(c) => (
          <>
            <PageTitle>{categoryName(c.categoryCode)}</PageTitle>
            <p className="big-status">
              {t('status')}：<CaseStatus status={c.status} />
            </p>
            <p>{c.description}</p>
            {c.address && <p className="muted">{c.address}</p>}
            {c.assignment && !['Closed', 'Confirmed', 'Resolved'].includes(c.status) && (
              <p>
                {t('expectedBy')}：{dateTime(c.assignment.resolveBy)}
              </p>
            )}
            {c.rejectionReason && (
              <Notice kind="info">
                {t('rejectionReason')}：{c.rejectionReason}
              </Notice>
            )}
            <div className="before-after">
              <figure>
                <figcaption>{t('beforePhotos')}</figcaption>
                {c.photoIds.length ? (
                  c.photoIds.map((id, i) => <Photo key={id} photoId={id} alt={`${t('beforePhotos')} ${i + 1}`} />)
                ) : (
                  <p className="muted">{t('noPhoto')}</p>
                )}
              </figure>
              <figure>
                <figcaption>{t('afterPhotos')}</figcaption>
                {c.afterPhotoIds.length ? (
                  c.afterPhotoIds.map((id, i) => <Photo key={id} photoId={id} alt={`${t('afterPhotos')} ${i + 1}`} />)
                ) : (
                  <p className="muted">{t('noPhoto')}</p>
                )}
              </figure>
            </div>
            {c.resolutionNotes && (
              <p>
                <strong>{t('resolutionNotes')}：</strong>
                {c.resolutionNotes}
              </p>
            )}
            {c.reportedByYou && c.status === 'Resolved' && <ConfirmFix caseId={c.caseId} onDone={detail.reload} />}
            {c.reportedByYou && c.status === 'Confirmed' && <RateFix caseId={c.caseId} onDone={detail.reload} />}
            {c.evaluation && (
              <p>
                {t('evaluated')}：<Stars score={c.evaluation.score} /> {c.evaluation.comment}
              </p>
            )}
            <h2 className="section-title">{t('timeline')}</h2>
            <ol className="timeline">
              {c.timeline.map((step, i) => (
                <li key={i}>
                  <span className="timeline-when">{dateTime(step.at)}</span>
                  <span>{name(TIMELINE_STEP[step.type], step.type)}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Loading>
    </section>
  );
}

function Stars({ score }: { score: number }) {
  const { t } = useI18n();
  return (
    <span>
      <StarIcons score={score} /> {score} {t('score')}
    </span>
  );
}

function ConfirmFix({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const reopen = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.send('POST', `/api/cases/${caseId}/reopen`, { reason }))) onDone();
  };
  return (
    <div className="callout">
      <h2 className="section-title">{t('isItFixed')}</h2>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy}
          onClick={async () => (await action.run(() => api.send('POST', `/api/cases/${caseId}/confirm`))) && onDone()}
        >
          <Icon name="thumbUp" /> {t('yesFixed')}
        </button>
        <button type="button" className="button button-secondary" aria-expanded={reopening} onClick={() => setReopening(!reopening)}>
          <Icon name="thumbDown" /> {t('notFixed')}
        </button>
      </div>
      {reopening && (
        <form onSubmit={reopen}>
          <Field label={t('whatIsWrong')}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />}
          </Field>
          <button type="submit" className="button button-primary" disabled={action.busy || !reason.trim()}>
            {t('submit')}
          </button>
        </form>
      )}
      <ActionError error={action.error} />
    </div>
  );
}

function RateFix({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.send('POST', `/api/cases/${caseId}/evaluate`, { score, comment: comment.trim() || null }))) onDone();
  };
  return (
    <form className="callout" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>{t('rateTitle')}</legend>
        <div className="rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={`rating-option ${score === n ? 'is-chosen' : ''}`}>
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <StarIcons score={n} of={n} />
              <span>
                {n} {t('score')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('comment')}>{(p) => <textarea {...p} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}</Field>
      <ActionError error={action.error} />
      <button type="submit" className="button button-primary button-wide" disabled={action.busy || score === 0}>
        {t('rateSend')}
      </button>
    </form>
  );
}
