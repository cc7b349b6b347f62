import { useMemo, useState, type FormEvent } from 'react';
import { useApi, type Principal } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { Link, useRouter } from '../router';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { OtherEntries } from './grid-register-entries';
import { FacilityPage } from './grid-register-facility';
import { FACILITY_CONDITION, FACILITY_KIND } from './grid-register.strings';

// 网格台账: the public facilities of a grid (人、地、事、物、组织 — the 物), kept by its staff, with each facility's
// cases and its change history; buildings, households and organisations below (grid-register-entries.tsx). Only the grid's staff get here; the server refuses everyone else.

type RegisterEntry = AnswerOf<'/api/grids/{gridId}/base-records'>['records'][number];
type Facility = RegisterEntry & { details: Extract<RegisterEntry['details'], { kind: 'facility' }> };

/** The facilities of an answer asked for `kind=facility`: the type learns what the query already made sure of. */
const facilitiesOf = (records: readonly RegisterEntry[]) => records.filter((r): r is Facility => r.details.kind === 'facility');
/** The grids whose register this person keeps: a grid worker's own; an officer's, every grid of the community or street. */
function useRegisterGrids(principal: Principal | null) {
  const { name } = useI18n();
  const organisation = useApiQuery('/api/organisation', {});
  return useMemo(() => {
    const scope = principal?.scope ?? {};
    const grids = (organisation.data?.districts ?? []).flatMap((d) =>
      d.streets.flatMap((s) =>
        s.communities.flatMap((c) =>
          c.grids
            .filter((g) =>
              scope.gridId ? g.id === scope.gridId : scope.communityId ? c.id === scope.communityId : s.id === scope.streetId,
            )
            .map((g) => ({ id: g.id, label: `${name(c.name)} ${name(g.name, g.id)}` })),
        ),
      ),
    );
    return grids;
  }, [organisation.data, principal, name]);
}

export function GridRegister() {
  const { path } = useRouter();
  const facility = /^\/staff\/register\/([^/]+)\/([^/]+)$/.exec(path);
  if (facility) return <FacilityPage gridId={decodeURIComponent(facility[1]!)} facilityId={decodeURIComponent(facility[2]!)} />;
  return <RegisterList />;
}

function RegisterList() {
  const { t, dateTime, name } = useI18n();
  const api = useApi();
  const grids = useRegisterGrids(api.principal);
  const [chosen, setChosen] = useState('');
  const gridId = chosen || grids[0]?.id || '';
  const gridLabel = grids.find((g) => g.id === gridId)?.label ?? gridId;
  const facilities = useApiQuery('/api/grids/{gridId}/base-records', gridId ? { path: { gridId }, query: { kind: 'facility' } } : null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <section className="card">
        <PageTitle>{t('gridRegisterTitle', { grid: gridLabel })}</PageTitle>
        <p className="muted">{t('gridRegisterIntro')}</p>
        {grids.length > 1 && (
          <Field label={t('registerGrid')}>
            {(p) => (
              <select {...p} value={gridId} onChange={(e) => setChosen(e.target.value)}>
                {grids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {saved && <Notice kind="success">{saved}</Notice>}
        <h2 className="section-title">{t('registerFacilities')}</h2>
        <Loading loaded={facilities}>
          {(data) =>
            facilitiesOf(data.records).length === 0 ? (
              <p>{t('registerEmpty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('registerFacilities')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('facilityName')}</th>
                    <th scope="col">{t('facilityKind')}</th>
                    <th scope="col">{t('facilityCondition')}</th>
                    <th scope="col">{t('facilityChanged')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('facilityEdit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {facilitiesOf(data.records).map((f) => (
                    <tr key={f.recordId}>
                      <th scope="row">
                        <Link to={`/staff/register/${encodeURIComponent(gridId)}/${encodeURIComponent(f.recordId)}`}>{f.label}</Link>
                        {f.details.buildingName ? <span className="muted"> · {f.details.buildingName}</span> : null}
                      </th>
                      <td>{name(FACILITY_KIND[f.details.facilityKind], f.details.facilityKind)}</td>
                      <td>{name(FACILITY_CONDITION[f.details.condition], f.details.condition)}</td>
                      <td>{dateTime(f.updatedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setEditing(f.recordId)}
                          aria-label={t('facilityEditOf', { name: f.label })}
                        >
                          {t('facilityEdit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      </section>
      {editing && facilitiesOf(facilities.data?.records ?? []).some((f) => f.recordId === editing) && (
        <EditFacility
          gridId={gridId}
          facility={facilitiesOf(facilities.data?.records ?? []).find((f) => f.recordId === editing)!}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
            facilities.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {gridId && <OtherEntries gridId={gridId} />}
      {gridId && (
        <AddFacility
          gridId={gridId}
          onAdded={() => {
            setSaved(t('facilityAdded'));
            facilities.reload();
          }}
        />
      )}
    </>
  );
}

function FacilityFields({
  value,
  onChange,
  fieldError,
}: {
  value: { name: string; facilityKind: string; buildingName: string; condition: string };
  onChange: (field: 'name' | 'facilityKind' | 'buildingName' | 'condition', v: string) => void;
  fieldError: (name: string) => string | null;
}) {
  const { t, name } = useI18n();
  return (
    <>
      <Field label={t('facilityName')} error={fieldError('name')}>
        {(p) => <input {...p} value={value.name} maxLength={100} onChange={(e) => onChange('name', e.target.value)} required />}
      </Field>
      <Field label={t('facilityKind')} error={fieldError('facilityKind')}>
        {(p) => (
          <select {...p} value={value.facilityKind} onChange={(e) => onChange('facilityKind', e.target.value)}>
            {Object.entries(FACILITY_KIND).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {name(label)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('facilityBuilding')} error={fieldError('buildingName')}>
        {(p) => <input {...p} value={value.buildingName} maxLength={100} onChange={(e) => onChange('buildingName', e.target.value)} />}
      </Field>
      <Field label={t('facilityCondition')} error={fieldError('condition')}>
        {(p) => (
          <select {...p} value={value.condition} onChange={(e) => onChange('condition', e.target.value)}>
            {Object.entries(FACILITY_CONDITION).map(([condition, label]) => (
              <option key={condition} value={condition}>
                {name(label)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function AddFacility({ gridId, onAdded }: { gridId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const empty = { name: '', facilityKind: 'street_light', buildingName: '', condition: 'working' };
  const [form, setForm] = useState(empty);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: 'facility',
      ...form,
      name: form.name.trim(),
      buildingName: form.buildingName.trim() || null,
      lat: null,
      long: null,
    };
    if (await action.run(() => api.send('POST', `/api/grids/${gridId}/base-records`, body))) {
      setForm(empty);
      onAdded();
    }
  };
  return (
    <section className="card" aria-labelledby="add-facility-title">
      <h2 id="add-facility-title" className="section-title">
        {t('facilityAdd')}
      </h2>
      <form onSubmit={submit}>
        <FacilityFields
          value={form}
          onChange={(field, v) => {
            setForm({ ...form, [field]: v });
            action.clearField(field);
          }}
          fieldError={action.fieldError}
        />
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !form.name.trim()}>
          {t('facilityAddSend')}
        </button>
      </form>
    </section>
  );
}

function EditFacility({
  gridId,
  facility,
  onDone,
  onCancel,
}: {
  gridId: string;
  facility: Facility;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const initial = { ...facility.details, buildingName: facility.details.buildingName ?? '' };
  const [form, setForm] = useState(initial);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const after = { ...form, name: form.name.trim(), buildingName: form.buildingName.trim() || null };
    const before = { ...facility.details };
    // Only what the person changed is sent, so the history records just that.
    const fields = Object.fromEntries(Object.entries(after).filter(([field, v]) => before[field as keyof typeof before] !== v));
    if (Object.keys(fields).length === 0) return onDone(t('facilityNothingChanged'));
    if (await action.run(() => api.send('PATCH', `/api/grids/${gridId}/base-records/${facility.recordId}`, fields)))
      onDone(t('facilitySaved'));
  };
  return (
    <section className="card" aria-labelledby="edit-facility-title">
      <h2 id="edit-facility-title" className="section-title">
        {t('facilityEditOf', { name: facility.label })}
      </h2>
      <form onSubmit={submit}>
        <FacilityFields
          value={form}
          onChange={(field, v) => {
            setForm({ ...form, [field]: v });
            action.clearField(field);
          }}
          fieldError={action.fieldError}
        />
        <ActionError error={action.error} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={action.busy || !form.name.trim()}>
            {t('facilitySave')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('facilityCancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
