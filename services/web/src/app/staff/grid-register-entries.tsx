import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Loading, Notice, useAction } from '../ui';
import { ENTRY_KIND, ORGANISATION_KIND } from './grid-register.strings';

// 人、地、组织 of the register: buildings, households and organisations, entered and corrected by the grid's staff.
// A household is a unit and a head count only: the register's events are public contracts, so no names are asked for.

type Kind = 'building' | 'household' | 'organisation';
type Value = string | number | null;

type Entry = AnswerOf<'/api/grids/{gridId}/base-records'>['records'][number];

type FieldSpec =
  | { field: string; label: string; type: 'text'; optional?: boolean; maxLength: number }
  | { field: string; label: string; type: 'number'; optional?: boolean; min: number; max: number }
  | { field: string; label: string; type: 'choice'; choices: Record<string, { zh: string; en: string }> };

const FIELDS: Record<Kind, FieldSpec[]> = {
  building: [
    { field: 'name', label: 'facilityName', type: 'text', maxLength: 100 },
    { field: 'address', label: 'entryAddress', type: 'text', maxLength: 100 },
    { field: 'floors', label: 'entryFloors', type: 'number', optional: true, min: 1, max: 200 },
  ],
  household: [
    { field: 'buildingName', label: 'entryBuilding', type: 'text', maxLength: 100 },
    { field: 'unit', label: 'entryUnit', type: 'text', maxLength: 30 },
    { field: 'size', label: 'entrySize', type: 'number', min: 1, max: 30 },
  ],
  organisation: [
    { field: 'name', label: 'facilityName', type: 'text', maxLength: 100 },
    { field: 'organisationKind', label: 'entryOrganisationKind', type: 'choice', choices: ORGANISATION_KIND },
    { field: 'address', label: 'entryAddress', type: 'text', maxLength: 100 },
  ],
};

type Form = Record<string, string>;

function emptyForm(kind: Kind): Form {
  return Object.fromEntries(FIELDS[kind].map((s) => [s.field, s.type === 'choice' ? Object.keys(s.choices)[0]! : '']));
}

/** The entry's fields by name, as the forms list them. */
const fieldsOf = (entry: Entry): Readonly<Record<string, Value>> => entry.details;

function formOf(entry: Entry): Form {
  const details = fieldsOf(entry);
  return Object.fromEntries(FIELDS[entry.kind as Kind].map((s) => [s.field, details[s.field] == null ? '' : String(details[s.field])]));
}

/** The form's text as the API's values: numbers as numbers, an optional field left empty as null. */
function valuesOf(kind: Kind, form: Form): Record<string, Value> {
  return Object.fromEntries(
    FIELDS[kind].map((s) => {
      const text = (form[s.field] ?? '').trim();
      if (s.type === 'number') return [s.field, text === '' ? null : Number(text)];
      if (s.type === 'text' && s.optional) return [s.field, text || null];
      return [s.field, text];
    }),
  );
}

function complete(kind: Kind, form: Form) {
  return FIELDS[kind].every((s) => (s.type !== 'choice' && s.optional) || (form[s.field] ?? '').trim() !== '');
}

function EntryFields({
  kind,
  form,
  onChange,
  fieldError,
}: {
  kind: Kind;
  form: Form;
  onChange: (field: string, v: string) => void;
  fieldError: (name: string) => string | null;
}) {
  const { t, name } = useI18n();
  return (
    <>
      {FIELDS[kind].map((s) => (
        <Field key={s.field} label={t(s.label as 'facilityName')} error={fieldError(s.field)}>
          {(p) =>
            s.type === 'choice' ? (
              <select {...p} value={form[s.field]} onChange={(e) => onChange(s.field, e.target.value)}>
                {Object.entries(s.choices).map(([value, label]) => (
                  <option key={value} value={value}>
                    {name(label)}
                  </option>
                ))}
              </select>
            ) : s.type === 'number' ? (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={s.min}
                max={s.max}
                value={form[s.field]}
                required={!s.optional}
                onChange={(e) => onChange(s.field, e.target.value)}
              />
            ) : (
              <input
                {...p}
                value={form[s.field]}
                maxLength={s.maxLength}
                required={!s.optional}
                onChange={(e) => onChange(s.field, e.target.value)}
              />
            )
          }
        </Field>
      ))}
    </>
  );
}

/** The rest of the register (人、地、组织): listed, entered and corrected here. */
export function OtherEntries({ gridId }: { gridId: string }) {
  const { t, name, dateTime } = useI18n();
  const entries = useApiQuery('/api/grids/{gridId}/base-records', { path: { gridId } });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const detailOf = ({ details: d }: Entry) =>
    d.kind === 'household'
      ? `${d.buildingName} · ${t('householdSize', { n: d.size })}`
      : d.kind === 'organisation'
        ? `${name(ORGANISATION_KIND[d.organisationKind], d.organisationKind)} · ${d.address}`
        : d.kind === 'building'
          ? [d.address, d.floors ? t('entryFloorsOf', { n: d.floors }) : ''].filter(Boolean).join(' · ')
          : '';
  const others = (entries.data?.records ?? []).filter((e) => e.kind !== 'facility');
  const editingEntry = others.find((e) => e.recordId === editing);
  return (
    <>
      <section className="card" aria-labelledby="other-entries-title">
        <h2 id="other-entries-title" className="section-title">
          {t('registerOthers')}
        </h2>
        <p className="muted">{t('registerOthersHint')}</p>
        {saved && <Notice kind="success">{saved}</Notice>}
        <Loading loaded={entries}>
          {() =>
            others.length === 0 ? (
              <p>{t('registerOthersEmpty')}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('registerOthers')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('facilityName')}</th>
                    <th scope="col">{t('entryKind')}</th>
                    <th scope="col">{t('entryDetail')}</th>
                    <th scope="col">{t('facilityChanged')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('facilityEdit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {others.map((e) => (
                    <tr key={e.recordId}>
                      <th scope="row">{e.label}</th>
                      <td>{name(ENTRY_KIND[e.kind], e.kind)}</td>
                      <td>{detailOf(e)}</td>
                      <td>{dateTime(e.updatedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setEditing(e.recordId)}
                          aria-label={t('facilityEditOf', { name: e.label })}
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
      {editingEntry && (
        <EditEntry
          key={editingEntry.recordId}
          gridId={gridId}
          entry={editingEntry}
          onDone={(message) => {
            setEditing(null);
            setSaved(message);
            entries.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <AddEntry
        gridId={gridId}
        onAdded={() => {
          setSaved(t('facilityAdded'));
          entries.reload();
        }}
      />
    </>
  );
}

function AddEntry({ gridId, onAdded }: { gridId: string; onAdded: () => void }) {
  const { t, name } = useI18n();
  const api = useApi();
  const action = useAction();
  const [kind, setKind] = useState<Kind>('building');
  const [form, setForm] = useState<Form>(emptyForm('building'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.send('POST', `/api/grids/${gridId}/base-records`, { kind, ...valuesOf(kind, form) }))) {
      setForm(emptyForm(kind));
      onAdded();
    }
  };
  return (
    <section className="card" aria-labelledby="add-entry-title">
      <h2 id="add-entry-title" className="section-title">
        {t('entryAdd')}
      </h2>
      <form onSubmit={submit}>
        <Field label={t('entryKind')}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => {
                const next = e.target.value as Kind;
                setKind(next);
                setForm(emptyForm(next));
              }}
            >
              {(['building', 'household', 'organisation'] as const).map((k) => (
                <option key={k} value={k}>
                  {name(ENTRY_KIND[k])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <EntryFields
          kind={kind}
          form={form}
          onChange={(field, v) => {
            setForm({ ...form, [field]: v });
            action.clearField(field);
          }}
          fieldError={action.fieldError}
        />
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !complete(kind, form)}>
          {t('entryAddSend')}
        </button>
      </form>
    </section>
  );
}

function EditEntry({
  gridId,
  entry,
  onDone,
  onCancel,
}: {
  gridId: string;
  entry: Entry;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const kind = entry.kind as Kind;
  const [form, setForm] = useState<Form>(formOf(entry));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const after = valuesOf(kind, form);
    // Only what the person changed is sent, so the history records just that.
    const fields = Object.fromEntries(Object.entries(after).filter(([field, v]) => (fieldsOf(entry)[field] ?? null) !== v));
    if (Object.keys(fields).length === 0) return onDone(t('facilityNothingChanged'));
    if (await action.run(() => api.send('PATCH', `/api/grids/${gridId}/base-records/${entry.recordId}`, fields)))
      onDone(t('facilitySaved'));
  };
  return (
    <section className="card" aria-labelledby="edit-entry-title">
      <h2 id="edit-entry-title" className="section-title">
        {t('facilityEditOf', { name: entry.label })}
      </h2>
      <form onSubmit={submit}>
        <EntryFields
          kind={kind}
          form={form}
          onChange={(field, v) => {
            setForm({ ...form, [field]: v });
            action.clearField(field);
          }}
          fieldError={action.fieldError}
        />
        <ActionError error={action.error} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={action.busy || !complete(kind, form)}>
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
