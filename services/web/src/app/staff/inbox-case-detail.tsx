import type { CaseListItem } from '../api';
import { useApiQuery } from '../api-client';
import { CitySvgMap, useCityGrids } from '../dashboard/city-svg-map';
import { useI18n } from '../i18n';
import { useCategoryNames } from '../resident/my-cases';
import { Link } from '../router';
import { CaseStatus, Countdown, Loading, Photo } from '../ui';
import { inboxPathOf, type Assignment } from './department-inbox';
import { InboxActions } from './inbox-actions';
import { STAFF_TIMELINE_STEP } from './strings';

/** One case of the inbox in full: what was reported, where, its photos and its timeline, and what the desk may do. */
export function InboxCaseDetail({
  assignment,
  gridName,
  others,
  onDone,
}: {
  assignment: Assignment;
  gridName: (id: string | undefined) => string;
  others: readonly { assignment: Assignment; item: CaseListItem | undefined }[];
  onDone: () => void;
}) {
  const { t, dateTime, name } = useI18n();
  const detail = useApiQuery('/api/cases/{caseId}', { path: { caseId: assignment.caseId } });
  const categoryName = useCategoryNames();
  const grids = useCityGrids();

  return (
    <Loading loaded={detail}>
      {(c) => {
        const own = grids?.find((g) => g.grid.id === c.gridId);
        const neighbours = grids?.filter((g) => g.streetId === own?.streetId) ?? [];
        return (
          <article className="desk-case">
            <h2 className="section-title">{categoryName(c.categoryCode)}</h2>
            <p className="desk-status">
              {t('status')}：<CaseStatus status={c.status} />{' '}
              <Countdown
                until={assignment.status === 'created' ? assignment.acknowledgeBy : assignment.resolveBy}
                label={assignment.status === 'created' ? 'acknowledgeWithin' : 'resolveWithin'}
              />
            </p>
            {assignment.reopenReason && (
              <p className="reopened">
                <strong>{t('reopenedByResident')}</strong> {assignment.reopenReason}
              </p>
            )}
            <p>{c.description}</p>
            <dl className="desk-facts">
              <dt>{t('deskAddress')}</dt>
              <dd>{c.address ?? t('none')}</dd>
              <dt>{t('deskGrid')}</dt>
              <dd>{gridName(c.gridId)}</dd>
              <dt>{t('deskReported')}</dt>
              <dd>{dateTime(c.timeline[0]?.at)}</dd>
              <dt>{t('deskCaseLink')}</dt>
              <dd>
                <Link to={inboxPathOf(c.caseId)}>{`${window.location.origin}${inboxPathOf(c.caseId)}`}</Link>
              </dd>
            </dl>
            <div className="desk-media">
              <figure className="desk-photos">
                <figcaption>{t('beforePhotos')}</figcaption>
                {c.photoIds.length ? (
                  c.photoIds.map((id, i) => <Photo key={id} photoId={id} alt={`${t('beforePhotos')} ${i + 1}`} />)
                ) : (
                  <p className="muted">{t('noPhoto')}</p>
                )}
              </figure>
              {own && (
                <figure className="desk-map">
                  <figcaption>{t('deskMapTitle')}</figcaption>
                  <CitySvgMap
                    className="city-map city-map-small"
                    title={`${t('deskMapTitle')}：${categoryName(c.categoryCode)}`}
                    description={t(c.location ? 'deskMapDescription' : 'deskMapNoPin', { grid: own.label })}
                    areas={neighbours.map((g) => ({
                      grid: g.grid,
                      fill: g.grid.id === own.grid.id ? '#fde68a' : '#f3f4f6',
                      emphasis: g.grid.id === own.grid.id,
                      caption: g.grid.id === own.grid.id ? name(g.grid.name) : undefined,
                    }))}
                    focus={neighbours.map((g) => g.grid)}
                    pins={c.location ? [{ id: c.caseId, lat: c.location.lat, long: c.location.long, label: c.description }] : []}
                  />
                </figure>
              )}
            </div>
            <h3 className="section-title">{t('timeline')}</h3>
            <ol className="timeline">
              {c.timeline.map((step, i) => (
                <li key={i}>
                  <span className="timeline-when">{dateTime(step.at)}</span>
                  <span>{name(STAFF_TIMELINE_STEP[step.type], step.type)}</span>
                </li>
              ))}
            </ol>
            <InboxActions assignment={assignment} others={others} onDone={onDone} />
          </article>
        );
      }}
    </Loading>
  );
}
