import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, useApi, type Category, type DuplicateSuggestion, type GridAt } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import type { paths } from '../api-types';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { Icon } from '../icons';
import { resizePhoto } from '../photo-resize';
import { plainError } from '../plain-error';
import { ReportMap, type LatLong } from './report-map';
import { ActionError, Field, FieldError, Notice, PageTitle, useAction } from '../ui';
import { useOfflineQueue } from '../offline/offline-queue';
import type { QueuedReport } from '../offline/queue-store';
import { isNetworkFailure, sendReport } from '../offline/send';

/** `POST /api/cases`: a possible duplicate the resident may read comes with its id; one not public yet is only a hint. */
type Reported = paths['/api/cases']['post']['responses'][201]['content']['application/json'];

const MAX_PHOTOS = 3;

type FormField = 'photo' | 'category' | 'description' | 'where';
/** The names the server gives the fields of this form when it refuses one (see the cases API). */
const SERVER_FIELDS: Record<FormField, readonly string[]> = {
  photo: ['photo', 'photoIds'],
  category: ['categoryCode'],
  description: ['description'],
  where: ['location', 'address', 'gridId'],
};

/** 随手拍: a photo, a few words and where — the location from the phone, or a grid and an address. */
export function ReportForm() {
  const { t, name } = useI18n();
  const api = useApi();
  const queue = useOfflineQueue();
  // A refused report taken out of the queue to be fixed: the form starts from it and sends it under its own id.
  const [draft] = useState(() => queue.editing);
  useEffect(() => {
    if (draft) queue.doneEditing();
  }, []);
  const [queued, setQueued] = useState(false);
  const categories = useApiQuery('/api/categories', {});
  const organisation = useApiQuery('/api/organisation', {});
  const [photos, setPhotos] = useState<Blob[]>(() => [...(draft?.photos ?? [])]);
  const [keptPhotoIds, setKeptPhotoIds] = useState<readonly string[]>(draft?.photoIds ?? []);
  const [categoryCode, setCategoryCode] = useState(draft?.body.categoryCode ?? '');
  const [description, setDescription] = useState(draft?.body.description ?? '');
  const [position, setPosition] = useState<LatLong | null>(draft?.body.location ?? null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed' | 'found'>('idle');
  const [gridId, setGridId] = useState(api.principal?.scope.gridId ?? '');
  const [address, setAddress] = useState(draft?.body.address ?? '');
  const [anonymous, setAnonymous] = useState(draft?.body.anonymous ?? false);
  const [nameVisibleToStaff, setNameVisibleToStaff] = useState(draft?.body.nameVisibleToStaff ?? false);
  const [problems, setProblems] = useState<Partial<Record<FormField, string>>>({});
  const [reported, setReported] = useState<Reported | null>(null);
  const [followed, setFollowed] = useState<string[]>([]);
  const action = useAction();
  const mapSettings = useApiQuery('/api/map', {}, { publicRead: true });
  const place = usePlaceOf(position);
  const nearby = useNearby(position, categoryCode);

  const previews = useMemo(() => photos.map((file) => URL.createObjectURL(file)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  const gridList = useMemo(
    () => organisation.data?.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids))) ?? [],
    [organisation.data],
  );
  // The map opens on the resident's own street; the whole city is a zoom away.
  const homeStreetGrids = useMemo(() => {
    const street = organisation.data?.districts
      .flatMap((d) => d.streets)
      .find((s) => s.communities.some((c) => c.grids.some((g) => g.id === api.principal?.scope.gridId)));
    return street?.communities.flatMap((c) => c.grids.map((g) => g.id)) ?? [];
  }, [organisation.data, api.principal?.scope.gridId]);
  const grids = useMemo(
    () =>
      organisation.data?.districts.flatMap((d) =>
        d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.map((g) => ({ ...g, community: c.name, street: s.name })))),
      ) ?? [],
    [organisation.data],
  );
  const groups = useMemo(() => {
    const byGroup = new Map<string, Category[]>();
    for (const c of categories.data?.categories ?? []) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    return [...byGroup];
  }, [categories.data]);

  // The list shows the grid the server will file the report under, wherever the pin was put.
  useEffect(() => {
    if (place.grid) setGridId(place.grid.gridId);
  }, [place.grid?.gridId]);
  const addressSent = address.trim() || place.grid?.addressHint.zh || '';

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lat: p.coords.latitude, long: p.coords.longitude });
        setLocating('found');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  // The form's own checks and the server's refusal, field by field, all at once; each goes when its field is changed.
  const serverProblemOf = (field: FormField) => problems[field] ?? SERVER_FIELDS[field].map(action.fieldError).find(Boolean) ?? null;
  // A place the server would refuse (outside the city) is said before sending, where the send's refusal would be.
  const problemOf = (field: FormField) => serverProblemOf(field) ?? (field === 'where' ? (place.refusal ?? null) : null);
  const changed = (field: FormField) => {
    if (problems[field]) setProblems({ ...problems, [field]: undefined });
    SERVER_FIELDS[field].forEach(action.clearField);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FormField, string>> = {};
    if (!categoryCode) found.category = t('needCategory');
    if (!description.trim()) found.description = t('needDescription');
    if (!position) found.where = t('needWhere');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setQueued(false);
    await action.run(async () => {
      const location = position;
      // A phone photo is made small here, before it can meet the server's 5 MB limit or fill the device's queue.
      const resized = await Promise.all(photos.map((photo) => resizePhoto(photo)));
      let item: QueuedReport = {
        // Made once, on the device: the Idempotency-Key of this attempt and of every later one from the queue.
        id: draft?.id ?? crypto.randomUUID(),
        kind: 'report',
        owner: api.principal?.subject ?? '',
        queuedAt: new Date().toISOString(),
        body: {
          categoryCode,
          description: description.trim(),
          location,
          address: addressSent || null,
          anonymous,
          nameVisibleToStaff: anonymous && nameVisibleToStaff,
        },
        photos: resized,
        photoIds: keptPhotoIds,
      };
      try {
        if (!navigator.onLine) throw new TypeError('offline');
        const answer = await sendReport<Reported>(api, item, async (saved) => void (item = saved));
        if (draft) await queue.discard(item.id);
        setReported(answer);
      } catch (error) {
        if (!isNetworkFailure(error)) {
          // A queued report refused again stays in the queue with its refusal, so leaving the form loses nothing.
          if (draft && error instanceof ApiError) {
            const { status, code, message, fields } = error;
            await queue.enqueue({ ...item, refusal: { status, code, message, fields } });
          }
          throw error;
        }
        // No network: kept on the device (photos not uploaded yet among it), sent by the queue when the signal returns.
        await queue.enqueue(item);
        setQueued(true);
        setPhotos([]);
        setKeptPhotoIds([]);
        setDescription('');
        setAddress('');
      }
    });
  };

  if (reported) {
    return (
      <section className="card">
        <PageTitle>{t('reportedThanks')}</PageTitle>
        <Notice kind="success">{name(reported.message)}</Notice>
        {reported.possibleDuplicates.length > 0 && (
          <>
            <p>{t('possibleDuplicates')}</p>
            <ul className="list">
              {reported.possibleDuplicates.map((d, i) =>
                'caseId' in d ? (
                  <li key={d.caseId} className="list-item">
                    <span>{d.description ?? d.caseId}</span>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={followed.includes(d.caseId)}
                      onClick={() => api.send('POST', `/api/cases/${d.caseId}/follow`).then(() => setFollowed([...followed, d.caseId]))}
                    >
                      {followed.includes(d.caseId) ? t('following') : t('follow')}
                    </button>
                  </li>
                ) : (
                  // Not public yet: neither its words nor its id are the resident's to see, so it cannot be followed.
                  <li key={`hint-${i}`} className="list-item">
                    <span>{t('duplicateHint', { metres: d.distanceMetres })}</span>
                  </li>
                ),
              )}
            </ul>
          </>
        )}
        <div className="actions">
          <Link to={`/resident/cases/${reported.caseId}`} className="button button-primary">
            {t('viewMyCase')}
          </Link>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setReported(null);
              setPhotos([]);
              setDescription('');
              setAddress('');
            }}
          >
            {t('tabReport')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card">
      <PageTitle>{t('reportTitle')}</PageTitle>
      <p className="lead">{t('reportIntro')}</p>
      <div aria-live="polite">
        {queued && <Notice kind="info">{t('queuedReport')}</Notice>}
        {draft && !queued && <Notice kind="info">{t('queueEditing')}</Notice>}
      </div>
      {keptPhotoIds.length > 0 && <p>{t('queueKeptPhotos', { count: keptPhotoIds.length })}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('photo')} hint={t('photoHint')} error={problemOf('photo')}>
          {(p) => (
            <input
              {...p}
              className="file-input"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={photos.length >= MAX_PHOTOS}
              onChange={(e) => {
                const picked = Array.from(e.target.files ?? []);
                changed('photo');
                setPhotos([...photos, ...picked].slice(0, MAX_PHOTOS));
                e.target.value = '';
              }}
            />
          )}
        </Field>
        {photos.length > 0 && (
          <ul className="photo-previews">
            {previews.map((url, i) => (
              <li key={url}>
                <img src={url} alt={`${t('photo')} ${i + 1}`} />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    changed('photo');
                    setPhotos(photos.filter((_, j) => j !== i));
                  }}
                >
                  {t('photoRemove')} {i + 1}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t('category')} error={problemOf('category')}>
          {(p) => (
            <select
              {...p}
              value={categoryCode}
              onChange={(e) => {
                changed('category');
                setCategoryCode(e.target.value);
              }}
              required
            >
              <option value="">{t('categoryPick')}</option>
              {groups.map(([group, list]) => (
                <optgroup key={group} label={group}>
                  {list.map((c) => (
                    <option key={c.code} value={c.code}>
                      {name(c.name)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('description')} hint={t('descriptionHint')} error={problemOf('description')}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={2000}
              value={description}
              onChange={(e) => {
                changed('description');
                setDescription(e.target.value);
              }}
              required
            />
          )}
        </Field>
        <fieldset
          className="fieldset"
          aria-invalid={problemOf('where') ? true : undefined}
          aria-describedby={problemOf('where') ? 'report-where-error' : undefined}
        >
          <legend>{t('where')}</legend>
          {problemOf('where') && <FieldError id="report-where-error">{problemOf('where')}</FieldError>}
          <button
            type="button"
            className="button button-secondary button-wide"
            onClick={() => {
              changed('where');
              locate();
            }}
            disabled={locating === 'busy'}
          >
            <Icon name="locate" /> {locating === 'busy' ? t('locating') : t('useMyLocation')}
          </button>
          <div aria-live="polite">
            {locating === 'failed' && <Notice kind="info">{t('locationFailed')}</Notice>}
            {locating === 'found' && position && <Notice kind="success">{t('located')}</Notice>}
          </div>
          <p id="report-map-title" className="map-title">
            {t('mapTitle')}
          </p>
          {gridList.length > 0 ? (
            <ReportMap
              grids={gridList}
              settings={mapSettings.data}
              position={position}
              labelledBy="report-map-title"
              startWith={homeStreetGrids}
              onPlace={(point) => {
                changed('where');
                setLocating('idle');
                setPosition(point);
              }}
            />
          ) : (
            organisation.error && <Notice kind="info">{t('mapNoGrids')}</Notice>
          )}
          <div aria-live="polite" className="place-answer">
            {position && place.checking && <p>{t('placeChecking')}</p>}
            {place.grid && (
              <Notice kind="success">
                <Icon name="pin" /> {t('placeFiledUnder', { grid: name(place.grid.gridName), community: name(place.grid.communityName) })}
                {!place.grid.insideGrid && <> {t('placeNearest')}</>}
                <br />
                {t('placeAddressSent', { address: addressSent })}
              </Notice>
            )}
            {place.offline && <Notice kind="info">{t('placeUnknownOffline')}</Notice>}
          </div>
          <Field label={t('orChooseGrid')}>
            {(p) => (
              <select
                {...p}
                value={gridId}
                onChange={(e) => {
                  changed('where');
                  // A grid picked from the list puts the pin in its middle: the server then files the report under that grid.
                  const grid = grids.find((g) => g.id === e.target.value);
                  setGridId(e.target.value);
                  setLocating('idle');
                  setPosition(
                    grid ? { lat: (grid.bounds.south + grid.bounds.north) / 2, long: (grid.bounds.west + grid.bounds.east) / 2 } : null,
                  );
                }}
              >
                <option value="">{t('gridPick')}</option>
                {grids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {name(g.street)} · {name(g.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('address')} hint={t('addressHint')}>
            {(p) => (
              <input
                {...p}
                value={address}
                maxLength={300}
                onChange={(e) => {
                  changed('where');
                  setAddress(e.target.value);
                }}
                autoComplete="street-address"
              />
            )}
          </Field>
        </fieldset>
        {nearby.length > 0 && (
          <section className="nearby" aria-labelledby="report-nearby-title">
            <h2 id="report-nearby-title" className="section-title">
              <Icon name="people" /> {t('nearbyTitle')}
            </h2>
            <p>{t('nearbyAsk')}</p>
            <ul className="list">
              {nearby.map((d, i) =>
                'caseId' in d ? (
                  <li key={d.caseId} className="list-item">
                    <span>
                      {d.description} <span className="muted">{t('nearbyDistance', { metres: d.distanceMetres })}</span>
                    </span>
                    {followed.includes(d.caseId) ? (
                      <span>
                        <Icon name="check" /> {t('nearbyFollowed')} <Link to={`/resident/cases/${d.caseId}`}>{t('viewMyCase')}</Link>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => api.send('POST', `/api/cases/${d.caseId}/follow`).then(() => setFollowed([...followed, d.caseId]))}
                      >
                        {t('follow')}
                      </button>
                    )}
                  </li>
                ) : (
                  // Not public yet: neither its words nor its id are the resident's to see, so it cannot be followed.
                  <li key={`hint-${i}`} className="list-item">
                    <span>{t('duplicateHint', { metres: d.distanceMetres })}</span>
                  </li>
                ),
              )}
            </ul>
            <p className="muted">{t('nearbyNotSame')}</p>
          </section>
        )}
        <div className="check">
          <input id="report-anonymous" type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <label htmlFor="report-anonymous">{t('anonymous')}</label>
        </div>
        {anonymous && (
          <div className="check">
            <input
              id="report-name-to-staff"
              type="checkbox"
              checked={nameVisibleToStaff}
              onChange={(e) => setNameVisibleToStaff(e.target.checked)}
            />
            <label htmlFor="report-name-to-staff">{t('nameVisibleToStaff')}</label>
          </div>
        )}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy}>
          {action.busy ? t('sending') : t('send')}
        </button>
      </form>
    </section>
  );
}

/** Where the server files a report made at `position` (`GET /api/grids/at`, the report's own look-up): never guessed here. */
function usePlaceOf(position: LatLong | null): { checking: boolean; grid?: GridAt; refusal?: string; offline?: boolean } {
  const api = useApi();
  const { t, lang } = useI18n();
  const [answer, setAnswer] = useState<{ at: LatLong; grid?: GridAt; error?: unknown } | null>(null);
  useEffect(() => {
    if (!position) return setAnswer(null);
    let live = true;
    api.get<GridAt>(`/api/grids/at?lat=${position.lat}&long=${position.long}`).then(
      (grid) => live && setAnswer({ at: position, grid }),
      (error: unknown) => live && setAnswer({ at: position, error }),
    );
    return () => {
      live = false;
    };
  }, [position?.lat, position?.long]);
  if (!position || answer?.at !== position) return { checking: !!position };
  if (answer.grid) return { checking: false, grid: answer.grid };
  if (isNetworkFailure(answer.error)) return { checking: false, offline: true };
  return { checking: false, refusal: plainError(answer.error, t, lang).message };
}

/** Open cases of the same kind near the pin, asked before sending (FixMyStreet's "someone already reported this"). */
function useNearby(position: LatLong | null, categoryCode: string): readonly DuplicateSuggestion[] {
  const api = useApi();
  const [found, setFound] = useState<readonly DuplicateSuggestion[]>([]);
  useEffect(() => {
    setFound([]);
    if (!position || !categoryCode) return;
    let live = true;
    const query = new URLSearchParams({ categoryCode, lat: String(position.lat), long: String(position.long) });
    api.get<AnswerOf<'/api/cases/duplicates'>>(`/api/cases/duplicates?${query}`).then(
      (answer) => live && setFound(answer.duplicates),
      // Only a hint: without it the person simply sends their report.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [position?.lat, position?.long, categoryCode]);
  return found;
}
