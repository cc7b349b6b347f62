import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { PersonPicker, type PersonMatch } from '../people/person-picker';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { useCommunityId } from './civic';

/** 上门帮办: a grid worker records a resident's secret ballot with their code or a photo of a signed slip. */
export function AssistedEntry() {
  const { t, name } = useI18n();
  const api = useApi();
  const communityId = useCommunityId();
  const topics = useApiQuery('/api/dashboards/deliberation/topics', { query: { limit: 50, communityId } });
  const [topicId, setTopicId] = useState('');
  const topic = useApiQuery('/api/deliberation/topics/{topicId}', topicId ? { path: { topicId } } : null);
  const action = useAction();
  const [resident, setResident] = useState<PersonMatch | null>(null);
  const [optionId, setOptionId] = useState('');
  const [method, setMethod] = useState<'one_time_code' | 'signed_slip'>('one_time_code');
  const [code, setCode] = useState('');
  const [slip, setSlip] = useState<File | null>(null);
  const [gridId, setGridId] = useState(api.principal?.scope.gridId ?? '');
  // The slip names the resident's grid: chosen by name among the community's grids, never typed as an id.
  const organisation = useApiQuery('/api/organisation', {});
  const grids = (organisation.data?.districts ?? [])
    .flatMap((d) => d.streets.flatMap((s) => s.communities))
    .filter((c) => c.id === communityId)
    .flatMap((c) => c.grids);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const ok = await action.run(async () => {
      const consent =
        method === 'one_time_code'
          ? { method, code: code.trim() }
          : { method, gridId: gridId.trim(), slipPhotoId: (await api.uploadPhoto(slip!)).photoId };
      await api.send('PUT', `/api/deliberation/topics/${encodeURIComponent(topicId)}/assisted-ballots`, {
        residentId: resident?.id ?? '',
        optionId,
        consent,
      });
    });
    if (ok) {
      setDone(true);
      setResident(null);
      setCode('');
      setSlip(null);
      setOptionId('');
    }
  };
  const ready = topicId && resident && optionId && (method === 'one_time_code' ? /^\d{6}$/.test(code.trim()) : slip && gridId.trim());
  return (
    <section className="card">
      <PageTitle>{t('assistedEntryTitle')}</PageTitle>
      <p className="lead">{t('assistedEntryIntro')}</p>
      <Loading loaded={topics}>
        {(data) => {
          const voting = data.items.filter((i) => i.stage === 'voting');
          return voting.length === 0 ? (
            <Notice kind="info">{t('topicsNone')}</Notice>
          ) : (
            <form onSubmit={submit}>
              <Field label={t('topicPick')}>
                {(p) => (
                  <select {...p} value={topicId} onChange={(e) => setTopicId(e.target.value)} required>
                    <option value="">{t('resourceNone')}</option>
                    {voting.map((i) => (
                      <option key={i.topicId} value={i.topicId}>
                        {i.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <PersonPicker label={t('residentId')} kind="resident" value={resident} onChange={setResident} />
              {topic.data?.voting && (
                <fieldset className="fieldset">
                  <legend>{t('choice')}</legend>
                  <div className="choices">
                    {topic.data.voting.options.map((o) => (
                      <label key={o.optionId} className={`choice ${optionId === o.optionId ? 'is-chosen' : ''}`}>
                        <input
                          type="radio"
                          name="assisted-choice"
                          checked={optionId === o.optionId}
                          onChange={() => setOptionId(o.optionId)}
                        />
                        <span>{o.label}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              <fieldset className="fieldset">
                <legend>{t('consentMethod')}</legend>
                <div className="choices">
                  <label className={`choice ${method === 'one_time_code' ? 'is-chosen' : ''}`}>
                    <input
                      type="radio"
                      name="consent-method"
                      checked={method === 'one_time_code'}
                      onChange={() => setMethod('one_time_code')}
                    />
                    <span>{t('consentByCode')}</span>
                  </label>
                  <label className={`choice ${method === 'signed_slip' ? 'is-chosen' : ''}`}>
                    <input
                      type="radio"
                      name="consent-method"
                      checked={method === 'signed_slip'}
                      onChange={() => setMethod('signed_slip')}
                    />
                    <span>{t('consentBySlip')}</span>
                  </label>
                </div>
              </fieldset>
              {method === 'one_time_code' ? (
                <Field label={t('consentCodeInput')}>
                  {(p) => (
                    <input
                      {...p}
                      value={code}
                      inputMode="numeric"
                      pattern="\d{6}"
                      maxLength={6}
                      autoComplete="off"
                      onChange={(e) => setCode(e.target.value)}
                    />
                  )}
                </Field>
              ) : (
                <>
                  <Field label={t('consentSlip')}>
                    {(p) => (
                      <input
                        {...p}
                        type="file"
                        accept="image/*"
                        capture="environment"
                        onChange={(e) => setSlip(e.target.files?.[0] ?? null)}
                      />
                    )}
                  </Field>
                  <Field label={t('gridForSlip')}>
                    {(p) => (
                      <select {...p} value={gridId} onChange={(e) => setGridId(e.target.value)} required>
                        <option value="">{t('gridPick')}</option>
                        {grids.map((g) => (
                          <option key={g.id} value={g.id}>
                            {name(g.name)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </>
              )}
              {done && <Notice kind="success">{t('assistedRecorded')}</Notice>}
              <ActionError error={action.error} />
              <button type="submit" className="button button-primary button-wide" disabled={action.busy || !ready}>
                {t('assistedSend')}
              </button>
            </form>
          );
        }}
      </Loading>
    </section>
  );
}
