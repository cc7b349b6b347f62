import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import type { ContestDetail } from './contest-types';
import { JuryScoring } from './jury-scoring';
import { StandingsTable } from './standings-table';

/** 社区比赛: the contests of the resident's community, newest first. */
export function ContestsPage() {
  const { t, dateTime } = useI18n();
  const contests = useApiQuery('/api/points/contests', {});
  return (
    <section className="card">
      <PageTitle>{t('contestsTitle')}</PageTitle>
      <p className="lead">{t('contestsIntro')}</p>
      <Loading loaded={contests}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('contestsNone')}</p>
          ) : (
            <ul className="list">
              {list.map((c) => (
                <li key={c.contestId} className="list-item">
                  <span className="list-main">
                    <Link to={`/resident/contests/${encodeURIComponent(c.contestId)}`}>
                      <strong>{c.title}</strong>
                    </Link>
                    <span>
                      {t(`contestKind_${c.kind}` as MessageKey)} · {c.status === 'open' ? t('contestOpen') : t('contestClosed')}
                    </span>
                    <span className="muted">{t('contestPeriod', { from: dateTime(c.startsAt), to: dateTime(c.endsAt) })}</span>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}

/** One contest: its standings, and what the resident can do in it (an idea and a vote, or a team). */
export function ContestPage({ contestId }: { contestId: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const contest = useApiQuery('/api/points/contests/{contestId}', { path: { contestId } });
  return (
    <Loading loaded={contest}>
      {(c) => (
        <>
          <section className="card">
            <PageTitle>{c.title}</PageTitle>
            <p className="lead">
              {t(`contestKind_${c.kind}` as MessageKey)} · {c.status === 'open' ? t('contestOpen') : t('contestClosed')}
            </p>
            <p>{t('contestPeriod', { from: dateTime(c.startsAt), to: dateTime(c.endsAt) })}</p>
            <p>{t('contestPrize', { points: c.prizePoints })}</p>
            {c.kind === 'building' && <p className="muted">{t('contestBuildingRule')}</p>}
            {c.judging === 'jury' && <p className="muted">{t('contestJuryRule')}</p>}
          </section>
          {c.status === 'open' && c.kind === 'idea' && <IdeaActions contest={c} onChange={contest.reload} />}
          {c.status === 'open' && c.myScores && <JuryScoring contest={c} onChange={contest.reload} />}
          {c.status === 'open' && c.kind === 'volunteer' && <TeamActions contest={c} onChange={contest.reload} />}
          <section className="card" aria-labelledby="standings-title">
            <h2 id="standings-title" className="section-title">
              {t('contestStandings')}
            </h2>
            {c.kind === 'volunteer' ? (
              <>
                <StandingsTable caption={t('contestTeams')} standings={c.standings.filter((s) => s.kind === 'team')} />
                <StandingsTable
                  caption={t('contestVolunteers')}
                  standings={c.standings.filter((s) => s.kind === 'resident')}
                  me={api.principal?.subject}
                />
              </>
            ) : c.scoresHidden ? (
              <p>{t('contestScoresHidden')}</p>
            ) : (
              <StandingsTable caption={c.title} standings={c.standings} jury={c.judging === 'jury'} />
            )}
          </section>
        </>
      )}
    </Loading>
  );
}

function IdeaActions({ contest, onChange }: { contest: ContestDetail; onChange: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useAction();
  const vote = useAction();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [sent, setSent] = useState<'idea' | 'vote' | null>(null);
  const base = `/api/points/contests/${encodeURIComponent(contest.contestId)}`;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit.run(() => api.send('POST', `${base}/ideas`, { title, description }))) {
      setSent('idea');
      setTitle('');
      setDescription('');
      onChange();
    }
  };
  return (
    <>
      <section className="card" aria-labelledby="ideas-title">
        <h2 id="ideas-title" className="section-title">
          {t('contestKind_idea')}
        </h2>
        {sent === 'vote' && <Notice kind="success">{t('contestVoted')}</Notice>}
        <ActionError error={vote.error} />
        <ul className="list">
          {contest.entries.map((e) => (
            <li key={e.entryId} className="list-item">
              <span className="list-main">
                <strong>{e.title}</strong>
                <span>{e.description}</span>
                {contest.judging === 'vote' && <span className="muted">{t('contestScore_idea', { score: e.votes })}</span>}
              </span>
              {contest.judging === 'vote' && (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={vote.busy}
                  aria-label={`${t('contestVote')}：${e.title}`}
                  onClick={async () => {
                    if (await vote.run(() => api.send('POST', `${base}/votes`, { entryId: e.entryId }))) {
                      setSent('vote');
                      onChange();
                    }
                  }}
                >
                  {t('contestVote')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="my-idea-title">
        <h2 id="my-idea-title" className="section-title">
          {t('contestIdeaTitle')}
        </h2>
        {sent === 'idea' && <Notice kind="success">{t('contestIdeaSent')}</Notice>}
        <ActionError error={submit.error} />
        <form onSubmit={send}>
          <Field label={t('contestIdeaName')} error={submit.fieldError('title')}>
            {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={100} />}
          </Field>
          <Field label={t('contestIdeaDescription')} error={submit.fieldError('description')}>
            {(props) => (
              <textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} required maxLength={1000} />
            )}
          </Field>
          <button type="submit" className="button button-primary button-wide" disabled={submit.busy}>
            {t('contestIdeaSend')}
          </button>
        </form>
      </section>
    </>
  );
}

function TeamActions({ contest, onChange }: { contest: ContestDetail; onChange: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const join = useAction();
  const [joined, setJoined] = useState(false);
  const base = `/api/points/contests/${encodeURIComponent(contest.contestId)}`;
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title" className="section-title">
        {t('contestTeams')}
      </h2>
      {joined && <Notice kind="success">{t('contestJoined')}</Notice>}
      <ActionError error={join.error} />
      <ul className="list">
        {contest.choices.map((team) => (
          <li key={team.id} className="list-item">
            <span className="list-main">
              <strong>{team.name}</strong>
            </span>
            <button
              type="button"
              className="button button-primary"
              disabled={join.busy}
              aria-label={`${t('contestJoin')} ${team.name}`}
              onClick={async () => {
                if (await join.run(() => api.send('POST', `${base}/team`, { teamId: team.id }))) {
                  setJoined(true);
                  onChange();
                }
              }}
            >
              {t('contestJoin')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
