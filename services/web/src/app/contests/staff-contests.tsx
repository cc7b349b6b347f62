import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { ActionError, Field, Loading, Notice, useAction } from '../ui';
import type { ContestKind } from './contest-types';
import type { PersonMatch } from '../people/person-picker';
import { JurorsField } from './jurors-field';
import { JuryScoring } from './jury-scoring';
import { StandingsTable } from './standings-table';

const KINDS: readonly ContestKind[] = ['idea', 'building', 'volunteer'];

/** The staff side of contests: open one for the community, rate buildings, close it after its last day. */
export function StaffContests() {
  const { t } = useI18n();
  const api = useApi();
  const [communityId, setCommunityId] = useState(api.principal?.scope.communityId ?? 'community-hexie');
  const contests = useApiQuery('/api/points/contests', { query: { communityId } });
  return (
    <>
      <OpenContestForm communityId={communityId} onCommunity={setCommunityId} onOpened={contests.reload} />
      <Loading loaded={contests}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('contestsNone')}</p>
          ) : (
            <>
              {list.map((c) => (
                <StaffContest key={c.contestId} contestId={c.contestId} />
              ))}
            </>
          )
        }
      </Loading>
    </>
  );
}

function OpenContestForm({
  communityId,
  onCommunity,
  onOpened,
}: {
  communityId: string;
  onCommunity: (id: string) => void;
  onOpened: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const open = useAction();
  const [kind, setKind] = useState<ContestKind>('idea');
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [prizePoints, setPrizePoints] = useState('50');
  const [teams, setTeams] = useState('');
  const [teamPrizePoints, setTeamPrizePoints] = useState('20');
  const [judging, setJudging] = useState<'vote' | 'jury'>('vote');
  const [jurors, setJurors] = useState<PersonMatch[]>([]);
  const [opened, setOpened] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setOpened(false);
    const body = {
      kind,
      title,
      communityId,
      startDate,
      endDate,
      prizePoints: Number(prizePoints),
      ...(kind === 'volunteer'
        ? {
            teams: teams
              .split('\n')
              .map((name) => name.trim())
              .filter(Boolean),
            teamPrizePoints: Number(teamPrizePoints),
          }
        : {}),
      ...(kind === 'idea' && judging === 'jury' ? { jurorIds: jurors.map((j) => j.id) } : {}),
    };
    if (await open.run(() => api.send('POST', '/api/points/contests', body))) {
      setOpened(true);
      onOpened();
    }
  };
  return (
    <section className="card" aria-labelledby="open-contest-title">
      <h2 id="open-contest-title" className="section-title">
        {t('contestOpenTitle')}
      </h2>
      {opened && <Notice kind="success">{t('contestOpened')}</Notice>}
      <ActionError error={open.error} />
      <form onSubmit={send}>
        <Field label={t('contestKind')} error={open.fieldError('kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as ContestKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`contestKind_${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('contestName')} error={open.fieldError('title')}>
          {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />}
        </Field>
        <Field label="communityId" error={open.fieldError('communityId')}>
          {(props) => <input {...props} value={communityId} onChange={(e) => onCommunity(e.target.value)} required />}
        </Field>
        <Field label={t('contestStartDate')} error={open.fieldError('startDate')}>
          {(props) => <input {...props} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />}
        </Field>
        <Field label={t('contestEndDate')} error={open.fieldError('endDate')}>
          {(props) => <input {...props} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} required />}
        </Field>
        <Field label={t('contestPrizePoints')} error={open.fieldError('prizePoints')}>
          {(props) => <input {...props} type="number" min={1} value={prizePoints} onChange={(e) => setPrizePoints(e.target.value)} />}
        </Field>
        {kind === 'idea' && (
          <Field label={t('contestJudging')} error={open.fieldError('jurorIds')}>
            {(props) => (
              <select {...props} value={judging} onChange={(e) => setJudging(e.target.value as 'vote' | 'jury')}>
                <option value="vote">{t('contestJudging_vote')}</option>
                <option value="jury">{t('contestJudging_jury')}</option>
              </select>
            )}
          </Field>
        )}
        {kind === 'idea' && judging === 'jury' && <JurorsField jurors={jurors} onChange={setJurors} />}
        {kind === 'volunteer' && (
          <>
            <Field label={t('contestTeamNames')} error={open.fieldError('teams')}>
              {(props) => <textarea {...props} value={teams} onChange={(e) => setTeams(e.target.value)} />}
            </Field>
            <Field label={t('contestTeamPrize')} error={open.fieldError('teamPrizePoints')}>
              {(props) => (
                <input {...props} type="number" min={0} value={teamPrizePoints} onChange={(e) => setTeamPrizePoints(e.target.value)} />
              )}
            </Field>
          </>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={open.busy}>
          {t('contestOpenSend')}
        </button>
      </form>
    </section>
  );
}

function StaffContest({ contestId }: { contestId: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const contest = useApiQuery('/api/points/contests/{contestId}', { path: { contestId } });
  const close = useAction();
  const rate = useAction();
  const [closedFor, setClosedFor] = useState<number | null>(null);
  const [rated, setRated] = useState(false);
  const base = `/api/points/contests/${encodeURIComponent(contestId)}`;
  return (
    <Loading loaded={contest}>
      {(c) => (
        <section className="card" aria-label={c.title}>
          <h2 className="section-title">{c.title}</h2>
          <p>
            {t(`contestKind_${c.kind}` as MessageKey)} · {c.status === 'open' ? t('contestOpen') : t('contestClosed')} ·{' '}
            {t('contestPeriod', { from: dateTime(c.startsAt), to: dateTime(c.endsAt) })}
          </p>
          {closedFor !== null && <Notice kind="success">{t('contestClosedNotice', { n: closedFor })}</Notice>}
          {rated && <Notice kind="success">{t('contestRated')}</Notice>}
          <ActionError error={close.error ?? rate.error} />
          {c.judging === 'jury' && <p className="muted">{t('contestJuryRule')}</p>}
          {c.scoresHidden ? (
            <p>{t('contestScoresHidden')}</p>
          ) : (
            <StandingsTable caption={t('contestStandings')} standings={c.standings} jury={c.judging === 'jury'} />
          )}
          {c.status === 'open' && c.myScores && <JuryScoring contest={c} onChange={contest.reload} />}
          {c.status === 'open' && c.kind === 'building' && (
            <ul className="list">
              {c.choices.map((b) => (
                <li key={b.id} className="list-item">
                  <span className="list-main">
                    <strong>{b.name}</strong>
                  </span>
                  {[1, 2, 3, 4, 5].map((score) => (
                    <button
                      key={score}
                      type="button"
                      className="button"
                      disabled={rate.busy}
                      aria-label={`${b.name} ${t('contestRate')} ${score}`}
                      onClick={async () => {
                        if (await rate.run(() => api.send('POST', `${base}/cleanliness`, { buildingId: b.id, score }))) {
                          setRated(true);
                          contest.reload();
                        }
                      }}
                    >
                      {score}
                    </button>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {c.status === 'open' && (
            <button
              type="button"
              className="button button-primary"
              disabled={close.busy}
              aria-label={`${t('contestCloseSend')}：${c.title}`}
              onClick={async () => {
                await close.run(async () => {
                  const result = await api.send<{ prizes: unknown[] }>('POST', `${base}/close`, {});
                  setClosedFor(result.prizes.length);
                  contest.reload();
                });
              }}
            >
              {t('contestCloseSend')}
            </button>
          )}
        </section>
      )}
    </Loading>
  );
}
