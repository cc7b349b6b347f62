import { useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { ActionError, Loading, Notice, PageTitle, useAction } from '../ui';
import { StateTag } from './civic';

type OwnersVote = AnswerOf<'/api/deliberation/owners-votes/{voteId}'>;
type MyHome = OwnersVote['myHomes'][number];

const ruleKey = (rule: OwnersVote['rule']) => `ownersRule_${rule}` as MessageKey;

/** 全体业主投票 (物业公司选聘 …): the rule it counts by, my homes' ballots, and the result by homes and by area. */
export function OwnersVotePage({ voteId }: { voteId: string }) {
  const { t, dateTime } = useI18n();
  const vote = useApiQuery('/api/deliberation/owners-votes/{voteId}', { path: { voteId } });
  return (
    <Loading loaded={vote}>
      {(data) => (
        <>
          <section className="card">
            <PageTitle>{data.question}</PageTitle>
            <p className="lead">{t('ownersVoteIntro')}</p>
            <p>
              <strong>{t('ownersVoteRule')}：</strong>
              {t(ruleKey(data.rule))}
            </p>
            <p>
              <strong>{t('headElectionClosesAt')}：</strong>
              {dateTime(data.closesAt)}
            </p>
            <p>{t('ownersVoteRoll', { homes: data.homesOnRoll, area: data.areaOnRollSquareMetres })}</p>
          </section>
          {data.status === 'Open' &&
            (data.myHomes.length === 0 ? (
              <section className="card">
                <Notice kind="info">{t('ownersNotOwner')}</Notice>
              </section>
            ) : (
              data.myHomes.map((home) => <HomeBallot key={home.homeId} vote={data} home={home} onVoted={vote.reload} />)
            ))}
          {data.result && <OwnersResult vote={data} result={data.result} />}
        </>
      )}
    </Loading>
  );
}

function HomeBallot({ vote, home, onVoted }: { vote: OwnersVote; home: MyHome; onVoted: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [choice, setChoice] = useState('');
  const cast = async (event: FormEvent) => {
    event.preventDefault();
    const path = `/api/deliberation/owners-votes/${encodeURIComponent(vote.voteId)}/homes/${encodeURIComponent(home.homeId)}/ballot`;
    if (await action.run(() => api.send('PUT', path, { optionId: choice }))) onVoted();
  };
  const legend = t('ownersMyHome', { address: home.address, area: home.areaSquareMetres });
  return (
    <section className="card">
      <form onSubmit={cast}>
        <fieldset className="fieldset">
          <legend>{legend}</legend>
          <div className="choices">
            {vote.options.map((option) => (
              <label key={option.optionId} className={`choice ${choice === option.optionId ? 'is-chosen' : ''}`}>
                <input
                  type="radio"
                  name={`owners-ballot-${home.homeId}`}
                  value={option.optionId}
                  checked={choice === option.optionId}
                  onChange={() => setChoice(option.optionId)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {home.voted && <Notice kind="success">{t('ownersHomeVoted')}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !choice}>
          {t('ownersVoteSend')}
        </button>
      </form>
    </section>
  );
}

function OwnersResult({ vote, result }: { vote: OwnersVote; result: NonNullable<OwnersVote['result']> }) {
  const { t } = useI18n();
  const label = new Map(vote.options.map((o) => [o.optionId, o.label]));
  return (
    <section className="card" aria-labelledby="owners-result-title">
      <h2 id="owners-result-title" className="section-title">
        {t('ownersResult')}
      </h2>
      <p>
        {t('ownersVoteRule')}：{t(ruleKey(vote.rule))}
      </p>
      {result.passed && result.winningOptionId ? (
        <StateTag tone="good" icon="checkCircle">
          {t('ownersPassed', { option: label.get(result.winningOptionId) ?? result.winningOptionId })}
        </StateTag>
      ) : (
        <StateTag tone="bad" icon="cross">
          {t('ownersNotPassed')}
        </StateTag>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('ownersOption')}</th>
            <th scope="col">{t('ownersHomes')}</th>
            <th scope="col">{t('ownersArea')}</th>
          </tr>
        </thead>
        <tbody>
          {result.tally.map((row) => (
            <tr key={row.optionId}>
              <th scope="row">{label.get(row.optionId) ?? row.optionId}</th>
              <td>{t('ownersHomesCell', { n: row.homes, percent: row.homeSharePercent })}</td>
              <td>{t('ownersAreaCell', { n: row.areaSquareMetres, percent: row.areaSharePercent })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('ownersTurnout', {
          homes: result.homesVoted,
          homesOnRoll: result.homesOnRoll,
          homePercent: result.homeTurnoutPercent,
          area: result.areaVotedSquareMetres,
          areaOnRoll: result.areaOnRollSquareMetres,
          areaPercent: result.areaTurnoutPercent,
        })}
      </p>
      {!result.quorumMet && <Notice kind="info">{t('ownersQuorumMissed')}</Notice>}
    </section>
  );
}
