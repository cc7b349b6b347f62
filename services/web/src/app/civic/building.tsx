import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { ActionError, Loading, Notice, PageTitle, useAction } from '../ui';
import { StateTag } from './civic';

type Building = AnswerOf<'/api/deliberation/buildings/{buildingId}'>;

/** 楼栋自治: a building's page for its residents, with the secret election of its head (楼栋长). */
export function BuildingPage({ buildingId }: { buildingId: string }) {
  const { t } = useI18n();
  const building = useApiQuery('/api/deliberation/buildings/{buildingId}', { path: { buildingId } });
  return (
    <Loading loaded={building}>
      {(data) => (
        <>
          <section className="card">
            <PageTitle>{data.name}</PageTitle>
            <p className="lead">{t('buildingIntro')}</p>
            <dl className="figures">
              <div className="figure">
                <dt>{t('buildingHomes')}</dt>
                <dd>{data.homes}</dd>
              </div>
              <div className="figure">
                <dt>{t('buildingUnits')}</dt>
                <dd>{data.units.join('、')}</dd>
              </div>
              <div className="figure">
                <dt>{t('buildingHead')}</dt>
                <dd>{data.head?.displayName ?? t('buildingHeadNone')}</dd>
              </div>
            </dl>
          </section>
          {data.election && <HeadElection buildingId={buildingId} election={data.election} onVoted={building.reload} />}
        </>
      )}
    </Loading>
  );
}

function HeadElection({
  buildingId,
  election,
  onVoted,
}: {
  buildingId: string;
  election: NonNullable<Building['election']>;
  onVoted: () => void;
}) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const action = useAction();
  const [choice, setChoice] = useState('');
  const names = new Map(election.candidates.map((c) => [c.residentId, c.displayName]));
  const vote = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/api/deliberation/buildings/${encodeURIComponent(buildingId)}/head-elections/${encodeURIComponent(election.electionId)}/ballot`;
    if (await action.run(() => api.send('PUT', path, { candidateId: choice }))) onVoted();
  };
  return (
    <section className="card" aria-labelledby="head-election-title">
      <h2 id="head-election-title" className="section-title">
        {election.status === 'Closed' ? t('headElectionResult') : t('headElection')}
      </h2>
      {election.status === 'Closed' && election.result ? (
        <>
          <ul className="list">
            {election.result.tally.map((row) => (
              <li key={row.residentId} className="list-item">
                <span className="list-main">
                  <strong>{names.get(row.residentId)}</strong>
                </span>
                {row.residentId === election.result?.headResidentId && (
                  <StateTag tone="good" icon="checkCircle">
                    {t('buildingHead')}
                  </StateTag>
                )}
                <span>{t('headVotes', { n: row.votes })}</span>
              </li>
            ))}
          </ul>
          <p>
            {t('turnoutOf', {
              percent: election.result.turnoutPercent,
              cast: election.result.ballotsCast,
              roll: election.result.eligibleVoters,
            })}
          </p>
          {!election.result.headResidentId && <Notice kind="info">{t('headElectionNoWinner')}</Notice>}
        </>
      ) : (
        <>
          <p>
            {t('headElectionClosesAt')}：{dateTime(election.closesAt)} · {t('headElectionVoters', { n: election.eligibleVoters })}
          </p>
          {!election.mayVote ? (
            <Notice kind="info">{t('headElectionNotYours')}</Notice>
          ) : (
            <form onSubmit={vote}>
              <fieldset className="fieldset">
                <legend>{t('headElection')}</legend>
                <div className="choices">
                  {election.candidates.map((candidate) => (
                    <label key={candidate.residentId} className={`choice ${choice === candidate.residentId ? 'is-chosen' : ''}`}>
                      <input
                        type="radio"
                        name="head-ballot"
                        value={candidate.residentId}
                        checked={choice === candidate.residentId}
                        onChange={() => setChoice(candidate.residentId)}
                      />
                      <span>{candidate.displayName}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {election.iVoted && <Notice kind="success">{t('headVoted')}</Notice>}
              <ActionError error={action.error} />
              <button type="submit" className="button button-primary button-wide" disabled={action.busy || !choice}>
                {t('headVoteSend')}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
