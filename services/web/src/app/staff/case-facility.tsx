import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Field, Notice, useAction } from '../ui';

// Which public facility a case is about (a broken lift, a dark street light), named or corrected by the grid's staff
// from the grid's register by name; the server checks the facility is an active one of the case's grid.

export function CaseFacility({ caseId, gridId }: { caseId: string; gridId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const detail = useApiQuery('/api/cases/{caseId}', { path: { caseId } });
  const facilities = useApiQuery('/api/grids/{gridId}/base-records', { path: { gridId }, query: { kind: 'facility' } });
  const [chosen, setChosen] = useState('');
  const [saved, setSaved] = useState(false);
  const records = facilities.data?.records ?? [];
  const named = detail.data?.facilityId ?? null;
  if (!detail.data || (records.length === 0 && !named)) return null;
  const namedLabel = named ? (records.find((f) => f.recordId === named)?.label ?? t('caseFacilityRetired')) : null;
  const target = chosen || records.find((f) => f.recordId !== named)?.recordId || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await action.run(() => api.send('POST', `/api/cases/${caseId}/facility`, { facilityId: target }))) {
      setSaved(true);
      setChosen('');
      detail.reload();
    }
  };
  return (
    <div className="case-facility">
      <p>
        {t('caseFacility')}：{namedLabel ?? t('caseFacilityNone')}
      </p>
      <div aria-live="polite">{saved && <Notice kind="success">{t('caseFacilityNamed')}</Notice>}</div>
      <form className="inline-form" onSubmit={submit}>
        <Field label={named ? t('caseFacilityCorrect') : t('caseFacilityName')} error={action.fieldError('facilityId')}>
          {(p) => (
            <select {...p} value={target} onChange={(e) => setChosen(e.target.value)}>
              {records.map((f) => (
                <option key={f.recordId} value={f.recordId}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button" disabled={action.busy || !target || target === named}>
          {t('caseFacilitySend')}
        </button>
      </form>
      <ActionError error={action.error} />
    </div>
  );
}
