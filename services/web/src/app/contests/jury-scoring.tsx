import { useState } from 'react';
import { useApi } from '../api';
import { useI18n } from '../i18n';
import { ActionError, Field, Notice, useAction } from '../ui';
import type { ContestDetail } from './contest-types';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** A juror's side of an idea contest: one score (1–10) per idea, their own scores shown back to them only. */
export function JuryScoring({ contest, onChange }: { contest: ContestDetail; onChange: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const score = useAction();
  const [scored, setScored] = useState(false);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const base = `/api/points/contests/${encodeURIComponent(contest.contestId)}`;
  const mine = contest.myScores ?? {};
  return (
    <section className="card" aria-labelledby={`jury-${contest.contestId}`}>
      <h2 id={`jury-${contest.contestId}`} className="section-title">
        {t('contestJuryTitle')}
      </h2>
      {scored && <Notice kind="success">{t('contestJuryScored')}</Notice>}
      <ActionError error={score.error} />
      <ul className="list">
        {contest.entries.map((e) => (
          <li key={e.entryId} className="list-item">
            <span className="list-main">
              <strong>{e.title}</strong>
              <span>{e.description}</span>
              {mine[e.entryId] !== undefined && <span className="muted">{t('contestJuryMine', { score: mine[e.entryId]! })}</span>}
            </span>
            {mine[e.entryId] === undefined && (
              <>
                <Field label={t('contestJuryScore', { title: e.title })}>
                  {(props) => (
                    <select
                      {...props}
                      value={chosen[e.entryId] ?? 8}
                      onChange={(event) => setChosen({ ...chosen, [e.entryId]: Number(event.target.value) })}
                    >
                      {SCORES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={score.busy}
                  aria-label={`${t('contestJurySend')}：${e.title}`}
                  onClick={async () => {
                    const body = { entryId: e.entryId, score: chosen[e.entryId] ?? 8 };
                    if (await score.run(() => api.send('POST', `${base}/scores`, body))) {
                      setScored(true);
                      onChange();
                    }
                  }}
                >
                  {t('contestJurySend')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
